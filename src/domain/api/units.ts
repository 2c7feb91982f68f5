// What the organisation-tree API answers (src/server/units/routes.ts, queries.ts and
// transfer.ts), declared once for the server, which returns these types, and the browser
// (src/web/pages/units/api.ts), which reads them. A unit as it stood on a day (UnitSlice) is the
// tree's own shape, in src/domain/units.ts.
//
// Dates are ISO strings. The one instant, a unit's creation, is the type parameter `At`: the
// server reads it as a Date (`At = Date`), which JSON writes as its ISO string, what the browser
// reads (`At = string`, the default).

import type { UnitChangeKind, UnitKind, UnitSlice } from "../units.ts";

/** GET /api/units: every unit as it was on the day. */
export interface UnitTree {
  asOf: string;
  units: UnitSlice[];
}

/** One period of a unit: what it was called, what kind it was and whom it reported to over [validFrom, validTo). */
export interface UnitVersion {
  unitId: string;
  validFrom: string;
  validTo: string | null;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  aliases: string[];
  /** Optimistic-locking number, sent back when correcting this version. */
  version: number;
}

/** A period of a unit, with its parent's name on the day the period began. */
export interface VersionView extends UnitVersion {
  parentName: string | null;
}

/** A change a unit took part in, with the units on each side. */
export interface UnitChangeView {
  id: string;
  effective: string;
  kind: UnitChangeKind;
  note: string | null;
  from: { id: string; code: string; name: string }[];
  to: { id: string; code: string; name: string }[];
}

/** GET /api/units/:id, and the answer of every change to the unit. */
export interface UnitDetail<At = string> {
  unit: { id: string; code: string; createdAt: At };
  versions: VersionView[];
  changes: UnitChangeView[];
  /** Every unit the unit has reported to. */
  parentIds: string[];
}

/** POST /api/units/import: what the file added, corrected or found already there. */
export interface ImportSummary {
  unitsCreated: number;
  versionsCreated: number;
  versionsCorrected: number;
  changesCreated: number;
  unchanged: number;
}

/** POST /api/units/split: the new units. */
export interface SplitResult {
  created: string[];
}
