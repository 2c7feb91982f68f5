// Vietnamese number notation: "." groups thousands, "," marks decimals ("9.003" = 9003,
// "102,3" = 102.3, "1.175.889" = 1175889). Papers also carry leading zeros ("01", "03")
// and multiplier words ("3,5 ngàn tỷ đồng"). Roman numerals number parts and terms.

/** The text of one number as it may be written in a paper: digits with "." and "," between groups. */
export const NUMBER_SOURCE = String.raw`\d{1,15}(?:[.,]\d{1,15}){0,6}`;

/**
 * Reads a number written the Vietnamese way. Dots followed by exactly three digits group thousands;
 * a comma (or a lone dot not followed by a 3-digit group, as typed by English keyboards) is the decimal mark.
 * Returns null for anything that is not a well-formed number.
 */
export function parseVietnameseNumber(raw: string): number | null {
  // Most numbers are plain digits ("2024", "05"), or grouped by dots with a decimal comma: read at once.
  if (raw.length > 0 && raw.length <= 40 && isDigits(raw)) return Number(raw);
  const grouped = raw.length <= 40 ? groupedNumber(raw) : null;
  if (grouped !== null) return grouped;
  const s = raw.trim();
  if (s.length === 0 || s.length > 40 || !/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s) || /[.,]{2}/.test(s)) return null;
  const commaCount = count(s, ",");
  const dotCount = count(s, ".");
  if (commaCount > 1) return null;
  let intPart = s;
  let fracPart = "";
  if (commaCount === 1) {
    const at = s.indexOf(",");
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (fracPart.includes(".")) return null;
  } else if (dotCount >= 1 && !isThousandsGrouping(s)) {
    // "6.67": a decimal typed with a dot. Only one dot can be a decimal mark.
    if (dotCount > 1) return null;
    const at = s.indexOf(".");
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
  }
  if (intPart.includes(".") && !isThousandsGrouping(intPart)) return null;
  const digits = intPart.replace(/\./g, "") + (fracPart ? `.${fracPart}` : "");
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

/**
 * "9.003", "1.175.889,5", "102,3": digits grouped by dots in threes after the first one to three, and an
 * optional decimal comma with digits after it, read without the general checks below (which give the same
 * value for these); null for any other shape.
 */
function groupedNumber(s: string): number | null {
  const comma = s.indexOf(",");
  const intEnd = comma < 0 ? s.length : comma;
  let digits = "";
  let run = 0; // digits since the last dot
  let dots = 0;
  for (let i = 0; i < intEnd; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      if (run < 1 || (dots === 0 ? run > 3 : run !== 3)) return null;
      dots++;
      run = 0;
    } else if (c >= 0x30 && c <= 0x39) run++;
    else return null;
  }
  if (run === 0 || (dots > 0 && run !== 3)) return null;
  digits = dots > 0 ? s.slice(0, intEnd).replaceAll(".", "") : s.slice(0, intEnd);
  if (comma >= 0) {
    if (comma === s.length - 1 || !isDigits(s.slice(comma + 1))) return null;
    digits += `.${s.slice(comma + 1)}`;
  }
  return Number(digits);
}

export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** "1.175.889" is thousands grouping: groups after the first have exactly three digits. */
function isThousandsGrouping(s: string): boolean {
  const groups = s.split(".");
  if (groups.length < 2) return false;
  if (groups[0]!.length < 1 || groups[0]!.length > 3) return false;
  return groups.slice(1).every((g) => g.length === 3);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Multiplier words as they stand before a unit: "3,5 ngàn tỷ" is 3.5 × 10¹². */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["ngàn tỷ", 1e12],
  ["nghìn tỷ", 1e12],
  ["trăm triệu", 1e8],
  ["trăm nghìn", 1e5],
  ["trăm ngàn", 1e5],
  ["tỷ", 1e9],
  ["triệu", 1e6],
  ["nghìn", 1e3],
  ["ngàn", 1e3],
  ["vạn", 1e4],
  ["trăm", 1e2],
];

/**
 * Reads an amount with its multiplier word: "3,5 ngàn tỷ" → 3.5e12, "226 tỷ đồng" → 2.26e11, "12.448" → 12448.
 * Words after the multiplier (the currency) are ignored. Null when there is no number.
 */
export function parseScaledAmount(raw: string): number | null {
  const m = /^\s*(\d[\d.,]{0,40})\s*(.{0,40})$/su.exec(raw);
  if (!m) return null;
  const base = parseVietnameseNumber(m[1]!);
  if (base === null) return null;
  const rest = m[2]!.toLowerCase().trim();
  for (const [word, factor] of MULTIPLIERS) {
    if (rest === word || rest.startsWith(`${word} `)) return base * factor;
  }
  return base;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const CANONICAL_ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** "XIV" → 14; null for anything that is not a canonical Roman numeral (upper case). */
export function romanToInt(raw: string): number | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > 15 || !CANONICAL_ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function isRomanNumeral(s: string): boolean {
  return romanToInt(s) !== null;
}

/** 14 → "XIV"; "" outside 1…3999. */
export function intToRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return "";
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
