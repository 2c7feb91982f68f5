// Classes of single UTF-16 code units for scans that step one character at a time. Testing a
// one-character string against a Unicode property pattern at every step cost more than the rest of
// such scans; the answer of the pattern is kept per code unit instead, so the result is the same.

/** A test of one code unit, equal to `re.test(String.fromCharCode(code))` and remembered per code unit. */
function codeUnitClass(re: RegExp): (code: number) => boolean {
  const known = new Uint8Array(0x10000); // 0: not asked yet, 1: in the class, 2: not
  return (code) => {
    let k = known[code]!;
    if (k === 0) {
      k = re.test(String.fromCharCode(code)) ? 1 : 2;
      known[code] = k;
    }
    return k === 1;
  };
}

/** `[\p{L}\p{M}]`: a letter or a combining mark. */
export const isLetterOrMark = codeUnitClass(/^[\p{L}\p{M}]$/u);
/** `[\p{L}\p{M}\p{N}]`: a letter, a mark or a digit of any script. */
export const isWordChar = codeUnitClass(/^[\p{L}\p{M}\p{N}]$/u);
/** `\s`: white space or a line break. */
export const isSpace = codeUnitClass(/^\s$/);

/** `/\s/.test(s[i] ?? "")`: white space at `i`, false outside the string. */
export function isSpaceAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isSpace(s.charCodeAt(i));
}

/** `/\d/.test(s[i] ?? "")`: an ASCII digit at `i`, false outside the string. */
export function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i); // NaN outside the string
  return c >= 0x30 && c <= 0x39;
}

/** `s.split(/\s+/).filter(Boolean)`: the runs of characters other than white space, at most `max` of them. */
export function splitWords(s: string, max = Infinity): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        if (out.length >= max) return out;
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/**
 * `text` in lower case when each of its characters keeps its place, so that a word's lower case is a
 * slice of it (one call instead of one per word); null when not. Lower case keeps every place except
 * for "İ", which grows, and "Σ", whose lower case depends on the letters around it.
 */
export function lowerCaseInPlace(text: string): string | null {
  if (text.includes("\u03a3")) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

const isUpperCaseUnit = codeUnitClass(/^\p{Lu}$/u);
const ASTRAL_UPPER = /^\p{Lu}$/u;

/**
 * `\p{Lu}` at `i` as a Unicode pattern reads it: a surrogate pair is one code point; a lone surrogate
 * (or a place outside the string) is no upper-case letter.
 */
export function isUpperAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && ASTRAL_UPPER.test(s.slice(i, i + 2));
  }
  return isUpperCaseUnit(c);
}

/** `/^\s{0,max}\p{Lu}/u.test(s.slice(from))`: an upper-case letter after at most `max` white space characters. */
export function upperAfterSpaces(s: string, from: number, max: number): boolean {
  let i = from;
  while (i - from < max && i < s.length && isSpace(s.charCodeAt(i))) i++;
  return isUpperAt(s, i);
}

// Letters the look-ups below accept in their words: case-insensitive matching of these and lower case
// agree (checked over every character of the basic plane), except that "ſ" (long s) matches "s".
const FOLDS_AS_LOWER = /^[ a-z\u00e0-\u024f\u1ea0-\u1ef9]+$/;

/**
 * A test equal to `new RegExp(`^(?:${words.join("|")})$`, "iu").test(word)`, by a set look-up instead
 * of a pattern: the pattern took most of the time of the tests of single words. `lower`, when given, is
 * `word.toLowerCase()`, already made. The words must be lower case Latin or Vietnamese.
 */
export function caseInsensitiveWords(words: readonly string[]): (word: string, lower?: string) => boolean {
  for (const w of words) if (w !== w.toLowerCase() || !FOLDS_AS_LOWER.test(w)) throw new Error(`not a lower-case word: ${w}`);
  const set = new Set(words);
  const pattern = new RegExp(`^(?:${words.join("|")})$`, "iu");
  // Each character of a match is one of the basic plane, so a match is as long as one of the words.
  let maxLength = 0;
  for (const w of words) maxLength = Math.max(maxLength, w.length);
  return (word, lower) => {
    if (word.length > maxLength || word.length === 0) return false;
    if (word.includes("\u017f")) return pattern.test(word);
    return set.has(lower ?? word.toLowerCase());
  };
}
