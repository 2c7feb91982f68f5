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

const isLowerCaseUnit = codeUnitClass(/^\p{Ll}$/u);
const ASTRAL_LOWER = /^\p{Ll}$/u;

/** `\p{Ll}` at `i` as a Unicode pattern reads it (see `isUpperAt`). */
export function isLowerAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && ASTRAL_LOWER.test(s.slice(i, i + 2));
  }
  return isLowerCaseUnit(c);
}

/** `/^\s{0,max}\p{Lu}/u.test(s.slice(from))`: an upper-case letter after at most `max` white space characters. */
export function upperAfterSpaces(s: string, from: number, max: number): boolean {
  let i = from;
  while (i - from < max && i < s.length && isSpace(s.charCodeAt(i))) i++;
  return isUpperAt(s, i);
}

// Lower case one code unit at a time. For a code unit of the basic plane whose lower case is one code
// unit (all but "İ", whose lower case is two, and "Σ", whose lower case depends on the letters around
// it), `toLowerCase` of a string is the lower case of each of its code units; surrogates are left out.
const LOWER_CODES = new Int32Array(0x10000); // 0: not asked yet, -1: none, else the lower case + 1

/** The lower case of the code unit at `i` when it is one code unit of the basic plane, else -1. */
export function lowerCodeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (!(c >= 0)) return -1; // NaN: outside the string
  let k = LOWER_CODES[c]!;
  if (k === 0) {
    const lower = c >= 0xd800 && c <= 0xdfff ? "" : String.fromCharCode(c).toLowerCase();
    k = c === 0x3a3 || lower.length !== 1 ? -1 : lower.charCodeAt(0) + 1;
    LOWER_CODES[c] = k;
  }
  return k < 0 ? -1 : k - 1;
}

/**
 * Whether `s.slice(aStart, aEnd).toLowerCase() === s.slice(bStart, bEnd).toLowerCase()`, compared code
 * unit by code unit without making the slices (with them when a character has no one-unit lower case).
 */
export function sameLowerCase(s: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length === bEnd - bStart) {
    let i = 0;
    for (; i < length; i++) {
      const a = lowerCodeAt(s, aStart + i);
      if (a < 0) break;
      if (s.charCodeAt(aStart + i) === s.charCodeAt(bStart + i)) continue;
      const b = lowerCodeAt(s, bStart + i);
      if (b < 0) break;
      if (a !== b) return false; // every code unit before is lowered alone: the lower cases differ here
    }
    if (i === length) return true;
  } else if (!s.slice(aStart, aEnd).includes("\u0130") && !s.slice(bStart, bEnd).includes("\u0130")) {
    return false; // lower case keeps lengths but for "İ" (which grows)
  }
  return s.slice(aStart, aEnd).toLowerCase() === s.slice(bStart, bEnd).toLowerCase();
}

/**
 * Lower-case words with a value each, looked up by the lower case of a stretch of text without making the
 * stretch: its code units are lowered one by one (`lowerCodeAt`) and compared with the words of the same
 * length, first letter and last letter (the low bits of it). The words hold no character that the lower
 * case of a character without a one-unit lower case can give (no "σ", "ς", combining dot or surrogate), so
 * a stretch holding such a character is none of them.
 */
export class LowerCaseMap<V> {
  /** Words by `keyOf` their first letter, last letter and length (Vietnamese words share the first and length often). */
  private readonly byKey = new Map<number, Bucket<V>>();
  /**
   * Bit `length & 31` at `first & 255` for each word, and at `256 + (last & 31)`: a stretch whose bit is
   * clear in either is none of the words, which is told without the map's hashing (letters sharing a slot
   * only let more stretches through; the last letter's slots are few, as a trie has many maps).
   */
  private readonly lengths = new Uint32Array(256 + 32);

  set(word: string, value: V): void {
    if (word.length === 0 || word.length > 63 || word !== word.toLowerCase() || !/^[ -~\u00a0-\u024f\u1e00-\u1eff]+$/.test(word)) {
      throw new Error(`not a lower-case word: ${word}`);
    }
    const first = word.charCodeAt(0);
    const last = word.charCodeAt(word.length - 1);
    const key = keyOf(first, last, word.length);
    let bucket = this.byKey.get(key);
    if (!bucket) {
      bucket = { words: [], values: [] };
      this.byKey.set(key, bucket);
    }
    const at = bucket.words.indexOf(word);
    if (at >= 0) bucket.values[at] = value;
    else {
      bucket.words.push(word);
      bucket.values.push(value);
    }
    this.lengths[first & 255]! |= 1 << (word.length & 31);
    this.lengths[256 + (last & 31)]! |= 1 << (word.length & 31);
  }

  get(word: string): V | undefined {
    if (word.length === 0 || word.length > 63) return undefined;
    const bucket = this.byKey.get(keyOf(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length));
    const at = bucket ? bucket.words.indexOf(word) : -1;
    return at >= 0 ? bucket!.values[at] : undefined;
  }

  /** The value of the word equal to `text.slice(start, end).toLowerCase()`. */
  find(text: string, start: number, end: number): V | undefined {
    const length = end - start;
    if (length <= 0 || length > 63) return undefined;
    const bit = 1 << (length & 31);
    const first = lowerCodeAt(text, start);
    if (first < 0 || (this.lengths[first & 255]! & bit) === 0) return undefined;
    const last = lowerCodeAt(text, end - 1);
    if (last < 0 || (this.lengths[256 + (last & 31)]! & bit) === 0) return undefined;
    const bucket = this.byKey.get(keyOf(first, last, length));
    if (bucket === undefined) return undefined;
    const words = bucket.words;
    for (let j = 0; j < words.length; j++) {
      const w = words[j]!;
      let k = 1;
      while (k < length && lowerCodeAt(text, start + k) === w.charCodeAt(k)) k++;
      if (k === length) return bucket.values[j];
    }
    return undefined;
  }
}

/** The words sharing a key, with their values at the same places. */
interface Bucket<V> {
  words: string[];
  values: V[];
}

/** The key of a word's candidates: its first letter exactly (the comparison skips it), its last letter's low bits, its length. */
function keyOf(first: number, last: number, length: number): number {
  return (first * 64 + (last & 63)) * 64 + length;
}

/** A set of lower-case words, looked up as LowerCaseMap does. */
export class LowerCaseWords {
  private readonly map = new LowerCaseMap<string>();

  constructor(words: Iterable<string>) {
    for (const w of words) this.map.set(w, w);
  }

  /** The word equal to `text.slice(start, end).toLowerCase()`, or null when there is none. */
  find(text: string, start: number, end: number): string | null {
    return this.map.find(text, start, end) ?? null;
  }
}

// Letters for which case-insensitive matching and lower case agree, "ſ" aside (checked over every
// character of the basic plane): Latin letters but "ſ", "ṡ" and "ẛ", which match each other or "s".
const FOLDS_AS_LOWER = /^[ a-z\u00e0-\u017e\u0180-\u024f\u1e00-\u1e60\u1e62-\u1e9a\u1e9c-\u1eff]+$/;

/**
 * A test equal to `new RegExp(`^(?:${words.join("|")})$`, "iu").test(word)`, by a look-up instead of a
 * pattern: the patterns took most of the time of the tests of single words. For the letters of Latin and
 * Vietnamese words, case-insensitive matching and lower case agree (checked over every character of the
 * basic plane), except that "ſ" (long s) matches "s": for a word holding one, the pattern is asked.
 * The words must be lower case.
 */
export class CaseInsensitiveWords {
  private readonly words: LowerCaseWords;
  private readonly set: Set<string>;
  private readonly pattern: RegExp;
  /** Bit n is set when a word is n code units long (a match is as long as one of the words). */
  private readonly lengths: number;

  constructor(words: readonly string[]) {
    for (const w of words) if (!FOLDS_AS_LOWER.test(w)) throw new Error(`not a word of Latin letters: ${w}`);
    this.words = new LowerCaseWords(words);
    this.set = new Set(words);
    this.pattern = new RegExp(`^(?:${words.join("|")})$`, "iu");
    let lengths = 0;
    for (const w of words) lengths |= w.length < 31 ? 1 << w.length : 1 << 31;
    this.lengths = lengths;
  }

  /** Whether `word` is one of the words; `lower`, when given, is `word.toLowerCase()`, already made. */
  has(word: string, lower?: string): boolean {
    if ((this.lengths & (word.length < 31 ? 1 << word.length : 1 << 31)) === 0) return false;
    if (word.includes("\u017f")) return this.pattern.test(word);
    return lower === undefined ? this.words.find(word, 0, word.length) !== null : this.set.has(lower);
  }

  /** `has(text.slice(start, end))`, without making the slice. */
  hasAt(text: string, start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x17f) return this.pattern.test(text.slice(start, end));
    return this.words.find(text, start, end) !== null;
  }
}
