// Loose search as Vietnamese users type: case and diacritics ignored ("so tai chinh" finds "Sở Tài chính").
import type { UnitSlice } from "../../domain/units.ts";
import { stripDiacritics } from "../../extract/normalize.ts";

/** The search form of a text: lower case, without diacritics. */
export function folded(s: string): string {
  return stripDiacritics(s.toLocaleLowerCase("vi"));
}

/** What a unit is found by: its name, short name, other names and code. */
export function searchKey(u: Pick<UnitSlice, "name" | "shortName" | "aliases" | "code">): string {
  return folded([u.name, u.shortName ?? "", ...u.aliases, u.code].join(" "));
}
