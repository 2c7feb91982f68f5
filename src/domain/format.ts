// Vietnamese formatting: dates dd/mm/yyyy, numbers with "." between thousands and
// "," before decimals (9.003,5). Used by the server, the browser and generated papers.

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    // Intl's "vi" locale writes 9.003,5 — exactly the convention of Vietnamese papers.
    f = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    numberFormats.set(key, f);
  }
  return f;
}

/** 9003.5 → "9.003,5"; 1293 → "1.293"; null → "". */
export function formatNumber(value: number | null | undefined, maxFractionDigits = 2, minFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return numberFormat(minFractionDigits, maxFractionDigits).format(value);
}

/** 102.3 → "102,3%". */
export function formatPercent(value: number | null | undefined, maxFractionDigits = 2): string {
  const n = formatNumber(value, maxFractionDigits);
  return n ? `${n}%` : "";
}

/** A signed change: 6.8 → "+6,8%", -2 → "-2%". */
export function formatChange(value: number | null | undefined, maxFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return `${value > 0 ? "+" : ""}${formatPercent(value, maxFractionDigits)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2024-10-02" → "02/10/2024"; null → "". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = ISO_DATE.exec(iso.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "02/10/2024", "2/10/2024", "02-10-2024" or "2024-10-02" → "2024-10-02"; anything else → null. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  if (ISO_DATE.test(s)) return isIsoDate(s) ? s : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour12: false,
});

/** An instant in Vietnam's time: "14:05 02/10/2024". */
export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  const d = typeof at === "string" ? new Date(at) : at;
  const parts = Object.fromEntries(timeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** Today's date in Vietnam (UTC+7), as yyyy-mm-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Formats a byte count: 31234567 → "29,8 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

export const viCollator = new Intl.Collator("vi");
