// The database's shape as one TypeScript interface: a renamed column is a compile error.
// Each feature declares its tables beside its code; they are composed here.
import type { Kysely, Transaction } from "kysely";
import type { DirectiveTables } from "../directives/tables.ts";
import type { PaperTables } from "../papers/tables.ts";
import type { ReportTables } from "../reports/tables.ts";
import type { TargetTables } from "../targets/tables.ts";
import type { FoundationTables } from "./foundation-tables.ts";

export interface Database extends FoundationTables, PaperTables, TargetTables, DirectiveTables, ReportTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: query functions accept both. */
export type Queryable = Db | Tx;
