// A ZIP archive read defensively: the central directory is checked (entry count, declared sizes,
// compression ratios) before anything is inflated, and inflating stops as soon as an entry
// produces more than it declared or than the limits allow. Nothing here trusts the archive.
import { Inflate } from "fflate";
import { PaperError } from "../errors.ts";

/** More entries than any Word document has (a large report has a few hundred). */
export const MAX_ZIP_ENTRIES = 2000;
/** Sum of the declared uncompressed sizes. */
export const MAX_ZIP_TOTAL_BYTES = 100 * 1024 * 1024;
/** Compression ratio allowed for an entry larger than `RATIO_CHECK_FROM` and for the archive. */
export const MAX_ZIP_RATIO = 100;
export const RATIO_CHECK_FROM = 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data (after its local header). */
  dataOffset: number;
}

const bomb = () => new PaperError("zip_bomb");
const corrupt = () => new PaperError("corrupt");

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) throw corrupt();
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw corrupt();
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  const lo = u32(b, at);
  const hi = u32(b, at + 4);
  // Anything beyond 2^53 is a lie in a file of at most a few dozen megabytes.
  if (hi > 0x1fffff) throw bomb();
  return hi * 0x100000000 + lo;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  throw corrupt();
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/**
 * Lists the entries of a ZIP archive from its central directory, refusing archives whose
 * declared contents exceed the limits. Throws PaperError("zip_bomb" | "corrupt" | "encrypted").
 */
export function listZip(b: Uint8Array): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(b);
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw corrupt();
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw corrupt();
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw bomb();
  if (cdOffset + cdSize > b.length) throw corrupt();

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== 0x02014b50) throw corrupt();
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localOffset = u32(b, at + 42);
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    if (nameBytes.length !== nameLength) throw corrupt();
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = at + 46 + nameLength;
      const end = e + extraLength;
      let found = false;
      while (e + 4 <= end) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (size === 0xffffffff) {
            size = u64(b, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, f);
            f += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(b, f);
          found = true;
          break;
        }
        e += 4 + len;
      }
      if (!found) throw corrupt();
    }
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 1) throw new PaperError("encrypted");
    if (method !== 0 && method !== 8) throw corrupt();
    if (method === 0 && size !== compressedSize) throw corrupt();
    if (names.has(name)) throw corrupt();
    names.add(name);
    total += size;
    if (total > MAX_ZIP_TOTAL_BYTES) throw bomb();
    if (size > RATIO_CHECK_FROM && size > compressedSize * MAX_ZIP_RATIO) throw bomb();

    if (u32(b, localOffset) !== 0x04034b50) throw corrupt();
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw corrupt();
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  if (total > RATIO_CHECK_FROM && total > b.length * MAX_ZIP_RATIO) throw bomb();
  return entries;
}

/** Budget shared by all the entries inflated from one archive. */
export interface InflateBudget {
  remaining: number;
}

/**
 * Inflates one entry, never producing more than it declared (a lying header is a bomb) nor more
 * than the budget left. Compressed data is fed in small slices so that no single step can
 * expand beyond a few megabytes before the limit is checked.
 */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const data = b.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const limit = Math.min(entry.size, budget.remaining);
  if (entry.size > budget.remaining) throw bomb();
  if (entry.method === 0) {
    budget.remaining -= data.length;
    return data;
  }
  const out = new Uint8Array(limit);
  let length = 0;
  let over = false;
  let large = false;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > limit) {
      over = true;
      // More than declared: a bomb when it is already big, else a damaged header.
      large = length + chunk.length > RATIO_CHECK_FROM;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  const SLICE = 4096;
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length && !over; i += SLICE) {
      inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    }
  } catch (e) {
    if (over) throw large ? bomb() : corrupt();
    throw new PaperError("corrupt", undefined, { cause: e });
  }
  if (over) throw large ? bomb() : corrupt();
  budget.remaining -= length;
  return length === out.length ? out : out.subarray(0, length);
}
