// Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, the .VnTime fonts) and VNI (VNI-Windows, the
// VNI-Times fonts). Both were used through fonts whose glyphs sit on the Windows-1252 code points,
// so such text reaches us in two shapes: as raw bytes (a .txt file) and as Unicode text that is
// the Windows-1252 reading of those bytes ("Th«ng b¸o", "Thoâng baùo") inside .doc, .docx and
// PDF files. Conversion works on the second shape; bytes are first read as Windows-1252.
import { hasVietnameseMark, isVietnameseSyllable, syllableScore } from "./syllable.ts";

export type LegacyEncoding = "TCVN3" | "VNI";

// ---------------------------------------------------------------------------
// Windows-1252. The five undefined bytes (81, 8D, 8F, 90, 9D) map to the C1 code point of the
// same value, as Word and Windows do, so that every byte survives a round trip.

const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252_REVERSE = new Map<number, number>();
for (let b = 0; b < 256; b++) CP1252_REVERSE.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b, b);
// A C1 code point also encodes as its own byte (word-extractor and PDFs sometimes keep them).
for (let b = 0x80; b < 0xa0; b++) if (!CP1252_REVERSE.has(b)) CP1252_REVERSE.set(b, b);

// WHATWG's windows-1252 is exactly this mapping (the five holes decode to their C1 code points).
const CP1252_DECODER = new TextDecoder("windows-1252");

export function decodeCp1252(bytes: Uint8Array): string {
  return CP1252_DECODER.decode(bytes);
}

/** The Windows-1252 byte of a character, or undefined when it has none. */
function cp1252Byte(ch: string): number | undefined {
  return CP1252_REVERSE.get(ch.charCodeAt(0));
}

function encodeCp1252(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = cp1252Byte(s[i]!) ?? 0x3f;
  return out;
}

// ---------------------------------------------------------------------------
// Letters: each base vowel with its six tones (none, sắc, huyền, hỏi, ngã, nặng).

const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const;
const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
type Base = (typeof BASES)[number];

function letter(base: Base, tone: number, upper: boolean): string {
  const s = (base + TONES[tone]!).normalize("NFC");
  return upper ? s.toLocaleUpperCase("vi") : s;
}

// ---------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993, VN3). Lower-case letters with every tone, and the seven upper-case
// letters Ă Â Ê Ô Ơ Ư Đ; upper-case toned letters have no code (documents set capitals in the
// .VnTimeH font, whose lower-case codes draw capitals). Unassigned bytes keep Windows-1252.

const TCVN3_TONED: Record<Base, number[]> = {
  // sắc, huyền, hỏi, ngã, nặng
  a: [0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
const TCVN3_PLAIN: Array<[number, string]> = [
  [0xa1, "Ă"], [0xa2, "Â"], [0xa3, "Ê"], [0xa4, "Ô"], [0xa5, "Ơ"], [0xa6, "Ư"], [0xa7, "Đ"],
  [0xa8, "ă"], [0xa9, "â"], [0xaa, "ê"], [0xab, "ô"], [0xac, "ơ"], [0xad, "ư"], [0xae, "đ"],
];

/** TCVN3 byte → Unicode letter. */
const TCVN3_TO_UNICODE = new Map<number, string>(TCVN3_PLAIN);
for (const base of BASES) {
  TCVN3_TONED[base].forEach((byte, i) => TCVN3_TO_UNICODE.set(byte, letter(base, i + 1, false)));
}
/** Unicode letter → TCVN3 byte; upper-case toned letters take their lower-case code, as typists did. */
const UNICODE_TO_TCVN3 = new Map<string, number>();
for (const [byte, ch] of TCVN3_TO_UNICODE) {
  UNICODE_TO_TCVN3.set(ch, byte);
  const upper = ch.toLocaleUpperCase("vi");
  if (!UNICODE_TO_TCVN3.has(upper) && !TCVN3_PLAIN.some(([, c]) => c === upper)) UNICODE_TO_TCVN3.set(upper, byte);
}
// The lower-case toned letters: the ones whose capital TCVN3 cannot write.
const TONED_LOWER = new Set<string>();
for (const base of BASES) for (let t = 1; t < 6; t++) TONED_LOWER.add(letter(base, t, false));

/**
 * TCVN3 text as read through Windows-1252 ("Th«ng b¸o") → Unicode ("Thông báo"). Capitals that
 * TCVN3 cannot write are restored in all-capital words and at sentence starts; `atSentenceStart`
 * says whether the text itself starts a sentence.
 */
export function tcvn3ToUnicode(s: string, atSentenceStart = true): string {
  // TCVN3 letters all sit on bytes A1–FE, which Windows-1252 reads as U+00A1–U+00FE.
  const out = s.replace(/[\u00A1-\u00FE]/g, (ch) => TCVN3_TO_UNICODE.get(ch.charCodeAt(0)) ?? ch);
  return restoreCapitals(out, atSentenceStart);
}

export function decodeTcvn3(bytes: Uint8Array): string {
  return tcvn3ToUnicode(decodeCp1252(bytes));
}

export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const b = UNICODE_TO_TCVN3.get(ch) ?? (ch.length === 1 ? cp1252Byte(ch) : undefined);
    out.push(b ?? 0x3f);
  }
  return Uint8Array.from(out);
}

// In all-capital words typed in TCVN3 the toned vowels come out lower case ("BáO CáO"):
// raise them when the rest of the word is upper case. "Đá" (one capital, first) is ambiguous
// and is raised only between all-capital words.
const WORD = /[\p{L}\p{M}]+/gu;

function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLocaleLowerCase("vi") && ch === ch.toLocaleUpperCase("vi");
}

function capitalsOf(word: string): { others: number; upper: number; firstToned: boolean; firstUpper: boolean } {
  let others = 0;
  let upper = 0;
  const chars = [...word];
  for (const ch of chars) {
    if (TONED_LOWER.has(ch)) continue;
    others++;
    if (isUpperLetter(ch)) upper++;
  }
  const first = chars[0] ?? "";
  return { others, upper, firstToned: TONED_LOWER.has(first), firstUpper: isUpperLetter(first) };
}

function isAllCapsWord(word: string): boolean {
  const chars = [...word];
  return chars.length >= 2 && chars.every((ch) => isUpperLetter(ch));
}

const LABEL_BEFORE = /^\s*(?:[-+•*]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVX]{1,5}\.)\s+$/u;

const TONED_RE = new RegExp(`[${[...TONED_LOWER].join("")}]`, "u");
const SENTENCE_END_BEFORE = /[.!?]["”)]*\s*$/u;
// Lines where a capital may be missing: a word of capitals and toned small letters only ("BáO",
// "Bá", "ở"), or a toned small letter at a line or sentence start (or after a list label).
const T = [...TONED_LOWER].join("");
const CAPS_AND_TONED = new RegExp(`^(?=.*[${T}])[\\p{Lu}${T}]+$`, "u");
const INTERESTING = new RegExp(
  `(?<![\\p{L}\\p{M}])(?=[\\p{Lu}${T}]*[${T}])[\\p{Lu}${T}]+(?![\\p{L}\\p{M}])|^\\s*(?:(?:[-+•*]|\\d{1,2}(?:\\.\\d{1,2})*[.)]|[a-zđ]\\)|[IVX]{1,5}\\.)\\s+)?[${T}]|[.!?]["”)]*\\s+[${T}]`,
  "u",
);

function restoreCapitals(text: string, atSentenceStart: boolean): string {
  if (!TONED_RE.test(text)) return text;
  let sentenceStart = atSentenceStart;
  return text
    .split("\n")
    .map((line) => {
      if (line.trim().length === 0) {
        sentenceStart = true;
        return line;
      }
      const lineStartsSentence = sentenceStart;
      sentenceStart = /[.!?:]["”)]*\s*$/u.test(line);
      if (!INTERESTING.test(line)) return line;
      const words = [...line.matchAll(WORD)].map((m) => ({ index: m.index, text: m[0] }));
      // Only words with a toned small letter and a capital, or starting with a toned letter, can change.
      const candidate = words.map((w) => CAPS_AND_TONED.test(w.text) || TONED_LOWER.has([...w.text][0]!));
      if (!candidate.some(Boolean)) return line;
      // A word starts a sentence after . ! ? (or at the start of the text or of a paragraph).
      const starts = (i: number): boolean => {
        const w = words[i]!;
        const before = i === 0 ? line.slice(0, w.index) : line.slice(words[i - 1]!.index + words[i - 1]!.text.length, w.index);
        if (SENTENCE_END_BEFORE.test(before)) return true;
        return i === 0 && (lineStartsSentence || (/\S/.test(before) && LABEL_BEFORE.test(before)));
      };
      // First pass: words whose other letters are all capitals ("BáO", "ủY").
      let current = words.map((w, i) => {
        if (!candidate[i]) return w.text;
        const c = capitalsOf(w.text);
        if (c.others === 0 || c.upper !== c.others) return w.text;
        if (c.others >= 2 || c.firstToned) return w.text.toLocaleUpperCase("vi");
        return w.text;
      });
      // Then ambiguous words ("Bá", "ở") between all-capital words (or at a sentence edge),
      // until nothing changes.
      for (let round = 0; round < 4; round++) {
        let changed = false;
        const next = current.map((t, i) => {
          if (!candidate[i] || !TONED_RE.test(t)) return t;
          const c = capitalsOf(t);
          if (!(c.others === 0 || (c.others === 1 && c.upper === 1 && c.firstUpper))) return t;
          const prev = i > 0 && !starts(i) ? current[i - 1] : undefined;
          const after = i + 1 < current.length && !starts(i + 1) ? current[i + 1] : undefined;
          if (prev === undefined && after === undefined) return t;
          if ((prev === undefined || isAllCapsWord(prev)) && (after === undefined || isAllCapsWord(after))) {
            changed = true;
            return t.toLocaleUpperCase("vi");
          }
          return t;
        });
        current = next;
        if (!changed) break;
      }
      // A sentence cannot start with a small letter: ".VnTimeH" capitals at a sentence start.
      current = current.map((t, i) => {
        if (!candidate[i]) return t;
        const first = [...t][0] ?? "";
        if (!TONED_LOWER.has(first) || !starts(i)) return t;
        return first.toLocaleUpperCase("vi") + t.slice(first.length);
      });
      let out = "";
      let at = 0;
      words.forEach((w, i) => {
        out += line.slice(at, w.index) + current[i]!;
        at = w.index + w.text.length;
      });
      return out + line.slice(at);
    })
    .join("\n");
}

// ---------------------------------------------------------------------------
// VNI (VNI-Windows). A letter is its base letter followed by one mark character; the marks
// of capitals are the capital forms of the same characters. ơ, ư, đ and the toned i and ỵ
// are single characters.

const VNI_TONE = [["", "ù", "ø", "û", "õ", "ï"], ["", "Ù", "Ø", "Û", "Õ", "Ï"]] as const;
const VNI_CIRCUMFLEX = [["â", "á", "à", "å", "ã", "ä"], ["Â", "Á", "À", "Å", "Ã", "Ä"]] as const;
const VNI_BREVE = [["ê", "é", "è", "ú", "ü", "ë"], ["Ê", "É", "È", "Ú", "Ü", "Ë"]] as const;
const VNI_I = [["i", "í", "ì", "æ", "ó", "ò"], ["I", "Í", "Ì", "Æ", "Ó", "Ò"]] as const;

function vniSequence(base: Base, tone: number, upper: boolean): string {
  const c = upper ? 1 : 0;
  const up = (s: string) => (upper ? s.toUpperCase() : s);
  switch (base) {
    case "a":
    case "e":
    case "o":
    case "u":
      return up(base) + VNI_TONE[c][tone]!;
    case "y":
      return tone === 5 ? (upper ? "Î" : "î") : up("y") + VNI_TONE[c][tone]!;
    case "i":
      return VNI_I[c][tone]!;
    case "â":
      return up("a") + VNI_CIRCUMFLEX[c][tone]!;
    case "ê":
      return up("e") + VNI_CIRCUMFLEX[c][tone]!;
    case "ô":
      return up("o") + VNI_CIRCUMFLEX[c][tone]!;
    case "ă":
      return up("a") + VNI_BREVE[c][tone]!;
    case "ơ":
      return (upper ? "Ô" : "ô") + VNI_TONE[c][tone]!;
    case "ư":
      return (upper ? "Ö" : "ö") + VNI_TONE[c][tone]!;
  }
}

const UNICODE_TO_VNI = new Map<string, string>([["đ", "ñ"], ["Đ", "Ñ"]]);
const VNI_TO_UNICODE = new Map<string, string>([["ñ", "đ"], ["Ñ", "Đ"]]);
for (const base of BASES) {
  for (let tone = 0; tone < 6; tone++) {
    for (const upper of [false, true]) {
      const ch = letter(base, tone, upper);
      const seq = vniSequence(base, tone, upper);
      UNICODE_TO_VNI.set(ch, seq);
      if (seq !== ch) VNI_TO_UNICODE.set(seq, ch);
      // Decoding also accepts a mark of the other case ("Aù"): the base letter decides.
      if (seq.length === 2) {
        const other = seq[0]! + (upper ? seq[1]!.toLowerCase() : seq[1]!.toUpperCase());
        if (!VNI_TO_UNICODE.has(other)) VNI_TO_UNICODE.set(other, ch);
      }
    }
  }
}

/** VNI text as read through Windows-1252 ("Thoâng baùo") → Unicode ("Thông báo"). */
export function vniToUnicode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const pair = VNI_TO_UNICODE.get(s.slice(i, i + 2));
    if (pair !== undefined && i + 1 < s.length) {
      out += pair;
      i++;
      continue;
    }
    out += VNI_TO_UNICODE.get(s[i]!) ?? s[i]!;
  }
  return out;
}

export function decodeVni(bytes: Uint8Array): string {
  return vniToUnicode(decodeCp1252(bytes));
}

export function encodeVni(text: string): Uint8Array {
  let s = "";
  for (const ch of text.normalize("NFC")) s += UNICODE_TO_VNI.get(ch) ?? ch;
  return encodeCp1252(s);
}

// ---------------------------------------------------------------------------
// Repair of Unicode text that is really TCVN3 or VNI read through Windows-1252.

const CONVERTERS: Record<LegacyEncoding, (s: string) => string> = {
  TCVN3: (s) => tcvn3ToUnicode(s),
  VNI: vniToUnicode,
};
// For single words inside a line: no sentence-start capital.
const WORD_CONVERTERS: Record<LegacyEncoding, (s: string) => string> = {
  TCVN3: (s) => tcvn3ToUnicode(s, false),
  VNI: vniToUnicode,
};
const ENCODINGS: LegacyEncoding[] = ["TCVN3", "VNI"];

// Letters only Unicode text has (legacy text read through Windows-1252 never contains them).
const UNICODE_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u0300-\u036F\u1EA0-\u1EF9]/u;
// Characters that TCVN3 or VNI text shows when read through Windows-1252.
const LEGACY_TELL = /[\u00A1-\u00FF]/;
const SPLIT_TOKENS = /([\s!-\/:-@[-`{-~\u00A0\u2010-\u2027\u2030-\u205E]+)/u;

function isCp1252Text(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!CP1252_REVERSE.has(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Finds the lines of `text` that are TCVN3 or VNI text read as Windows-1252 and converts them.
 * A whole line is converted with the encoding that makes it gain most valid syllables, when the
 * result is mostly valid; in a line that also holds real Unicode Vietnamese only the words that
 * are invalid as they stand and valid once converted are. Returns the encodings used.
 */
export function repairLegacyText(text: string): { text: string; encodings: LegacyEncoding[] } {
  if (!LEGACY_TELL.test(text)) return { text, encodings: [] };
  const used = new Set<LegacyEncoding>();
  const out = text.split("\n").map((line) => {
    if (!LEGACY_TELL.test(line)) return line;
    if (UNICODE_VIETNAMESE.test(line)) return convertWords(line, used);
    if (!isCp1252Text(line)) return line;
    const before = syllableScore(line);
    let best: { enc: LegacyEncoding; text: string; score: number } | null = null;
    for (const enc of ENCODINGS) {
      const converted = CONVERTERS[enc](line);
      const score = syllableScore(converted);
      if (score > before && score > 0 && (best === null || score > best.score)) best = { enc, text: converted, score };
    }
    if (best === null) return line;
    used.add(best.enc);
    return best.text;
  });
  return { text: out.join("\n"), encodings: ENCODINGS.filter((e) => used.has(e)) };
}

function convertWords(line: string, used: Set<LegacyEncoding>): string {
  return line
    .split(SPLIT_TOKENS)
    .map((token) => {
      if (!LEGACY_TELL.test(token) || UNICODE_VIETNAMESE.test(token) || !isCp1252Text(token)) return token;
      if (isVietnameseSyllable(token)) return token;
      for (const enc of ENCODINGS) {
        const converted = WORD_CONVERTERS[enc](token);
        if (isVietnameseSyllable(converted) && hasVietnameseMark(converted)) {
          used.add(enc);
          return converted;
        }
      }
      return token;
    })
    .join("");
}
