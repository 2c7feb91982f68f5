import { z } from "zod";

// Input shapes used by several features, with their Vietnamese messages.

/** A calendar day written yyyy-mm-dd. */
export const isoDate = z.iso.date({ error: "Ngày phải có dạng yyyy-mm-dd." });

/**
 * A URL query as the browser writes it: the schema's input, but for the numbers the schema coerces
 * from the query's text, which the browser holds as numbers (zod types a coerced input as unknown).
 */
export type QueryInput<T extends z.ZodType, Numbers extends keyof z.input<T> = never> = Omit<z.input<T>, Numbers> & { [K in Numbers]?: number };
