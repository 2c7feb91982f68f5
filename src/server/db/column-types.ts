import type { ColumnType, Generated } from "kysely";

/** timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** timestamptz without default. */
export type TimestampRequired = ColumnType<Date, Date | string, Date | string>;
/** Nullable timestamptz. */
export type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** date: an ISO yyyy-mm-dd string both ways (type parsers keep it a string). */
export type DateString = string;
/** jsonb column holding T. */
export type Json<T> = ColumnType<T, string | T, string | T>;
export type { Generated };
