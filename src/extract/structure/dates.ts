// Calendar helpers and the date notations of papers: "02/10/2024", "21/5/2024",
// "ngày 05 tháng 7 năm 2024", and a blank draft date "ngày      tháng    năm 2024".
import type { IsoDate } from "../types.ts";
import { matchesOf } from "../matches.ts";

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function lastDayOfMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A valid calendar date as yyyy-mm-dd; null when the day does not exist (30/02, 29/02/2023). */
export function isoDate(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function endOfMonth(y: number, m: number): IsoDate | null {
  if (m < 1 || m > 12) return null;
  return isoDate(y, m, lastDayOfMonth(y, m));
}

/** Last day of quarter q (1–4) of year y. */
export function endOfQuarter(y: number, q: number): IsoDate | null {
  if (!Number.isInteger(q) || q < 1 || q > 4) return null;
  return endOfMonth(y, q * 3);
}

export function endOfYear(y: number): IsoDate | null {
  return isoDate(y, 12, 31);
}

export function yearOf(iso: IsoDate | null | undefined): number | null {
  if (!iso) return null;
  const y = Number(iso.slice(0, 4));
  return Number.isInteger(y) ? y : null;
}

export interface FoundDate {
  iso: IsoDate;
  start: number;
  end: number;
}

// "02/10/2024", "2/10/2024", "02-10-2024", "02.10.2024" (the same separator twice).
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/g;
// "ngày 05 tháng 7 năm 2024" (the word "ngày" is optional when "tháng … năm" follow).
const WORDED_DATE = /(?:ngày\s{1,8})?(\d{1,2})\s{1,8}tháng\s{1,8}(\d{1,2})\s{1,8}năm\s{1,8}(\d{4})(?!\d)/giu;

/** Every full date written in `text`, in order, with its place. Linear: bounded patterns only. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of matchesOf(text, NUMERIC_DATE)) {
    const iso = isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  for (const m of matchesOf(text, WORDED_DATE)) {
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first full date of `text`, or null. */
export function parseFullDate(text: string): IsoDate | null {
  return findDates(text)[0]?.iso ?? null;
}
