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
