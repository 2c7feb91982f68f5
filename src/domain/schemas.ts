import { z } from "zod";

// Input shapes used by several features, with their Vietnamese messages.

/** A calendar day written yyyy-mm-dd. */
export const isoDate = z.iso.date({ error: "Ngày phải có dạng yyyy-mm-dd." });
