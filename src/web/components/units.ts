// The organisation tree as of a date, fetched once per date and shared by every widget
// that names units (pickers, lists). Writes to the tree call forgetUnits().
import { addDays, formatDate } from "../../domain/format.ts";
import type { UnitSlice } from "../../domain/units.ts";
import { api, query } from "../api/client.ts";

const cache = new Map<string, Promise<UnitSlice[]>>();

export function unitsAsOf(asOf: string): Promise<UnitSlice[]> {
  let p = cache.get(asOf);
  if (!p) {
    p = api.get<{ asOf: string; units: UnitSlice[] }>(`/api/units${query({ asOf })}`).then((r) => r.units);
    p.catch(() => cache.delete(asOf));
    cache.set(asOf, p);
  }
  return p;
}

/** Drops every cached tree (after the tree changed). */
export function forgetUnits(): void {
  cache.clear();
}

/** A unit's label: its name, with the short name when there is one. */
export function unitLabel(u: Pick<UnitSlice, "name" | "shortName">): string {
  return u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name;
}

/** "từ 01/01/2020 đến 30/06/2025" for the half-open interval [validFrom, validTo). */
export function intervalText(validFrom: string, validTo: string | null): string {
  if (!validTo) return `từ ${formatDate(validFrom)} đến nay`;
  return `từ ${formatDate(validFrom)} đến ${formatDate(addDays(validTo, -1))}`;
}
