// Structural check of an OLE compound file (.doc) before word-extractor reads it. word-extractor
// follows sector chains without guarding against cycles (a crafted file makes it loop and grow an
// array until the process runs out of memory) and trusts table sizes; here every chain it will
// follow is walked once with a visited set, every size is bounded by the file, and the directory
// tree is checked to be a tree. The same pass finds the streams that tell an encrypted file.
import { PaperError } from "../errors.ts";

export interface OleInfo {
  streams: Set<string>;
  /** The first 512 bytes of the WordDocument stream (its FIB), when present. */
  fib: Uint8Array | null;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const FREE = -1;

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

const corrupt = () => new PaperError("corrupt");

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Validates the container; throws PaperError("corrupt") when word-extractor could not read it safely. */
export function inspectOle(bytes: Uint8Array): OleInfo {
  if (!isOle(bytes) || bytes.length < 1024) throw corrupt();
  const dv = view(bytes);
  const i32 = (at: number) => {
    if (at < 0 || at + 4 > bytes.length) throw corrupt();
    return dv.getInt32(at, true);
  };
  const shift = dv.getInt16(30, true);
  const miniShift = dv.getInt16(32, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw corrupt();
  const sector = 1 << shift;
  const mini = 1 << miniShift;
  const sectors = Math.floor((bytes.length - 512) / sector) + (((bytes.length - 512) % sector) > 0 ? 1 : 0);
  const satSize = i32(44);
  const dirStart = i32(48);
  const miniCutoff = i32(56);
  const ssatStart = i32(60);
  const ssatSize = i32(64);
  const msatStart = i32(68);
  const msatSize = i32(72);
  if (satSize < 1 || satSize > sectors || ssatSize < 0 || ssatSize > sectors || msatSize < 0 || msatSize > sectors) throw corrupt();
  if (miniCutoff !== 4096) throw corrupt();
  const offsetOf = (s: number) => 512 + s * sector;
  const inFile = (s: number) => s >= 0 && s < sectors;

  // Master table: 109 entries in the header, then a chain of sectors (last entry links on).
  const msat: number[] = [];
  for (let i = 0; i < Math.min(109, satSize); i++) msat.push(i32(76 + i * 4));
  let next = msatStart;
  const seenMsat = new Set<number>();
  for (let i = 0; i < msatSize && msat.length < satSize; i++) {
    if (!inFile(next) || seenMsat.has(next)) throw corrupt();
    seenMsat.add(next);
    const base = offsetOf(next);
    for (let k = 0; k < sector / 4 - 1 && msat.length < satSize; k++) msat.push(i32(base + k * 4));
    next = i32(base + sector - 4);
  }
  if (msat.length < satSize || msat.some((s) => !inFile(s))) throw corrupt();

  const sat: number[] = [];
  for (const s of msat) {
    const base = offsetOf(s);
    for (let k = 0; k < sector / 4; k++) sat.push(base + k * 4 + 4 <= bytes.length ? dv.getInt32(base + k * 4, true) : FREE);
  }
  // A chain as word-extractor follows it: until a negative id; it must end without a cycle.
  const chain = (table: number[], start: number, limit: number): number[] => {
    const ids: number[] = [];
    const seen = new Set<number>();
    let id = start;
    while (id > FREE) {
      if (id >= table.length || seen.has(id) || ids.length > limit) throw corrupt();
      seen.add(id);
      ids.push(id);
      id = table[id]!;
    }
    return ids;
  };

  const ssatChain = chain(sat, ssatStart, sectors);
  if (ssatChain.length !== ssatSize || ssatChain.some((s) => !inFile(s))) throw corrupt();
  const ssat: number[] = [];
  for (const s of ssatChain) {
    const base = offsetOf(s);
    for (let k = 0; k < sector / 4; k++) ssat.push(dv.getInt32(base + k * 4, true));
  }

  const dirChain = chain(sat, dirStart, sectors);
  if (dirChain.length === 0 || dirChain.some((s) => !inFile(s))) throw corrupt();
  interface Entry {
    name: string;
    type: number;
    left: number;
    right: number;
    child: number;
    start: number;
    size: number;
  }
  const entries: Entry[] = [];
  for (const s of dirChain) {
    const base = offsetOf(s);
    for (let k = 0; k < sector / 128; k++) {
      const at = base + k * 128;
      if (at + 128 > bytes.length) throw corrupt();
      const nameLength = Math.max(dv.getInt16(at + 64, true) - 2, 0);
      const name = new TextDecoder("utf-16le").decode(bytes.subarray(at, at + Math.min(nameLength, 62)));
      entries.push({
        name,
        type: dv.getInt8(at + 66),
        left: dv.getInt32(at + 68, true),
        right: dv.getInt32(at + 72, true),
        child: dv.getInt32(at + 76, true),
        start: dv.getInt32(at + 116, true),
        size: dv.getInt32(at + 120, true),
      });
    }
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw corrupt();
  // Walk the storage tree from the root: every id in range and visited once.
  const visited = new Set<number>();
  const streams = new Set<string>();
  const stack: number[] = [entries.indexOf(root)];
  const storages = new Set<number>([entries.indexOf(root)]);
  while (stack.length > 0) {
    const id = stack.pop()!;
    const e = entries[id]!;
    for (const link of id === entries.indexOf(root) ? [e.child] : [e.left, e.right, ...(e.type === 1 ? [e.child] : [])]) {
      if (link === -1) continue;
      if (link < 0 || link >= entries.length || visited.has(link) || storages.has(link)) throw corrupt();
      visited.add(link);
      stack.push(link);
    }
    if (e.type === 1) storages.add(id);
    if (e.type === 2) streams.add(e.name);
  }

  // Streams: in the mini stream when small, else in sectors; every chain must be sound.
  const miniStream = chain(sat, root.start, sectors);
  let fib: Uint8Array | null = null;
  for (const id of visited) {
    const e = entries[id]!;
    if (e.type !== 2) continue;
    if (e.size < miniCutoff) {
      const ids = chain(ssat, e.start, ssat.length);
      if (ids.some((m) => Math.floor((m * mini) / sector) >= miniStream.length)) throw corrupt();
    } else {
      const ids = chain(sat, e.start, sectors);
      if (ids.some((s) => !inFile(s))) throw corrupt();
      if (e.name === "WordDocument" && ids.length > 0) fib = bytes.subarray(offsetOf(ids[0]!), offsetOf(ids[0]!) + Math.min(sector, 512));
    }
  }
  return { streams, fib };
}
