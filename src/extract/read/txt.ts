// Plain-text papers: find the encoding, decode. A byte-order mark decides; then UTF-16 without
// a mark (its high bytes are few and known); then valid UTF-8 wins; otherwise every 8-bit
// candidate is decoded and the one producing the most valid Vietnamese syllables is kept.
import iconv from "iconv-lite";
import { decodeTcvn3, decodeVni } from "./legacy.ts";
import { syllableScore } from "./syllable.ts";

export type TextEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "TCVN3" | "VNI" | "Windows-1258" | "VISCII";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: string[];
}

const SAMPLE = 256 * 1024;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeUtf16(bytes: Uint8Array, le: boolean): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  return new TextDecoder(le ? "utf-16le" : "utf-16be", { ignoreBOM: true }).decode(even);
}

// High bytes of UTF-16 Vietnamese text: ASCII and Latin-1 (00), ă đ ĩ ũ ơ ư (01), combining
// marks (03), precomposed letters (1E), punctuation and symbols (20–25), BOM / full width (FE, FF).
const VIETNAMESE_HIGH_BYTES = new Set([0x00, 0x01, 0x02, 0x03, 0x1e, 0x20, 0x21, 0x22, 0x25, 0xfe, 0xff]);

/** UTF-16 without a byte-order mark: "LE", "BE" or null. */
export function sniffUtf16(bytes: Uint8Array): "LE" | "BE" | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  let knownEven = 0;
  let knownOdd = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    if (a === 0) zeroEven++;
    if (b === 0) zeroOdd++;
    if (VIETNAMESE_HIGH_BYTES.has(a)) knownEven++;
    if (VIETNAMESE_HIGH_BYTES.has(b)) knownOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.2 && zeroEven / pairs < 0.02 && knownOdd / pairs > 0.95) return "LE";
  if (zeroEven / pairs > 0.2 && zeroOdd / pairs < 0.02 && knownEven / pairs > 0.95) return "BE";
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

interface Candidate {
  encoding: TextEncoding;
  decode: (bytes: Uint8Array) => string;
}

// In order of preference when scores tie (how common each is in Vietnamese offices).
const EIGHT_BIT: Candidate[] = [
  { encoding: "UTF-8", decode: (b) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b) },
  { encoding: "TCVN3", decode: decodeTcvn3 },
  { encoding: "VNI", decode: decodeVni },
  { encoding: "Windows-1258", decode: (b) => iconv.decode(asBuffer(b), "windows1258") },
  { encoding: "VISCII", decode: (b) => iconv.decode(asBuffer(b), "viscii") },
];

/** Decodes a plain-text paper; `warnings` say (in Vietnamese) when a legacy encoding was converted. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const strict = strictUtf8(body);
    if (strict !== null) return { text: strict, encoding: "UTF-8", warnings: [] };
    return { text: new TextDecoder("utf-8").decode(body), encoding: "UTF-8", warnings: [INVALID_UTF8] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: "UTF-16LE", warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: "UTF-16BE", warnings: [] };
  const utf16 = sniffUtf16(bytes);
  if (utf16 === "LE") return { text: decodeUtf16(bytes, true), encoding: "UTF-16LE", warnings: [] };
  if (utf16 === "BE") return { text: decodeUtf16(bytes, false), encoding: "UTF-16BE", warnings: [] };

  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: "UTF-8", warnings: [] };

  // Choose on a sample (decoding is per byte, so the sample's winner is the file's), then decode all.
  const sample = bytes.subarray(0, SAMPLE);
  let best = EIGHT_BIT[0]!;
  let bestScore = -Infinity;
  for (const c of EIGHT_BIT) {
    const text = c.decode(sample);
    const score = syllableScore(text) - (c.encoding === "UTF-8" ? countReplacements(text) : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  const text = best.decode(bytes);
  const warnings: string[] = [];
  if (best.encoding === "UTF-8") warnings.push(INVALID_UTF8);
  else warnings.push(`Đã chuyển mã ${best.encoding} sang Unicode.`);
  if (bestScore < 0) warnings.push("Không nhận ra chắc chắn bảng mã của tệp; văn bản có thể bị sai dấu.");
  return { text, encoding: best.encoding, warnings };
}

const INVALID_UTF8 = "Tệp có byte không hợp lệ trong UTF-8; các ký tự lỗi đã được thay bằng dấu �.";

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\uFFFD"); i >= 0; i = s.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

/**
 * Bytes that cannot be a text file: NULs, or many control bytes (other than tab, line ends, form
 * feed, escape and the DOS end-of-file mark). UTF-16 must be recognised before calling this.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  if (n === 0) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a && b !== 0x1b) control++;
  }
  return nul > n * 0.001 || nul + control > n * 0.03;
}

/** True when the bytes start like a text file: a byte-order mark, UTF-16 or few control bytes. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return !looksBinary(bytes.subarray(3));
  if (sniffUtf16(bytes) !== null) return true;
  return !looksBinary(bytes);
}
