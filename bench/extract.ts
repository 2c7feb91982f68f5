// Throughput of the structure-extraction engine (`extractText`) in its steady state: the five seed papers
// repeated, seven samples of 8 MB after a warm-up of 4 s of CPU, against one linear scan of the same bytes
// (UTF-8 decoding and counting line breaks) timed between them; and hostile
// inputs of 1, 4 and 16 MB, whose time must grow linearly (×4 per step).
// Run: `node bench/extract.ts` or `npm run bench -- --only extract`.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractText } from "../src/extract/index.ts";
import { percentile, printTable, type Row } from "./lib/stats.ts";

/** The median of an odd number of samples (SAMPLES is odd). */
const median = (xs: number[]) => percentile(xs, 50);

const SEEDS = resolve(import.meta.dirname, "../../shared/seeds");
/** Bytes of seeds per timed sample; SAMPLES of them make 56 MB. */
const SAMPLE_BYTES = 8 * 1000 * 1000;
const SAMPLES = 7;
const WARM_UP_SECONDS = 4;
const MB = 1024 * 1024;

/** CPU seconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function timed<T>(fn: () => T): { value: T; cpu: number; wall: number } {
  const c = cpuSeconds();
  const w = performance.now();
  const value = fn();
  return { value, cpu: cpuSeconds() - c, wall: (performance.now() - w) / 1000 };
}

/** The cheapest linear pass over the same bytes: decode them and count the line breaks. */
function linearScan(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(bytes);
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const HOSTILE: Array<[string, string]> = [
  ["một dòng văn bản dài vô tận", "Ban Cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính trước ngày 30/6/2025 đạt 9.003 tỷ đồng, tăng 6,8% "],
  ["chữ số liên tiếp", "1234567890"],
  ["đánh số lồng nhau", "1.1.1.1.1.1.1.1.1.1.1 "],
  ["“phối hợp với” lặp lại", "phối hợp với "],
];

export async function benchExtract(): Promise<void> {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), "utf8"));
  if (seeds.length === 0) throw new Error(`không thấy văn bản mẫu trong ${SEEDS}`);
  const seedBytes = seeds.map((s) => new TextEncoder().encode(s));
  const perRound = seedBytes.reduce((n, b) => n + b.length, 0);
  const roundsPerSample = Math.ceil(SAMPLE_BYTES / perRound);

  // Warm up until the optimising compiler has settled (a server extracts papers all day long): by CPU
  // time, since a fixed number of rounds left it still compiling on a slow machine.
  const warmStart = cpuSeconds();
  while (cpuSeconds() - warmStart < WARM_UP_SECONDS) for (const s of seeds) extractText(s);
  // Samples of extraction and of the linear scan, interleaved: the speed of a shared machine drifts
  // over minutes, and both sides of the ratio then see the same drift. The median of each is reported.
  const runs: Array<{ cpu: number; wall: number }> = [];
  const scans: Array<{ cpu: number; wall: number }> = [];
  for (let k = 0; k < SAMPLES; k++) {
    runs.push(
      timed(() => {
        let items = 0;
        for (let r = 0; r < roundsPerSample; r++) for (const s of seeds) items += extractText(s).indicators.length;
        return items;
      }),
    );
    scans.push(
      timed(() => {
        let lines = 0;
        for (let r = 0; r < roundsPerSample; r++) for (const b of seedBytes) lines += linearScan(b);
        return lines;
      }),
    );
  }
  const sampleMB = (perRound * roundsPerSample) / 1e6;
  const row = (work: string, samples: Array<{ cpu: number; wall: number }>): Row => {
    const rates = samples.map((t) => sampleMB / t.cpu).sort((a, b) => a - b);
    return {
      "công việc": work,
      MB: (sampleMB * SAMPLES).toFixed(1),
      "MB/s (CPU, trung vị)": median(rates).toFixed(1),
      "thấp nhất–cao nhất": `${rates[0]!.toFixed(1)}–${rates[rates.length - 1]!.toFixed(1)}`,
      "MB/s (thực, trung vị)": median(samples.map((t) => sampleMB / t.wall)).toFixed(1),
    };
  };
  const rows: Row[] = [row("extractText (5 văn bản mẫu)", runs), row("quét tuyến tính (giải mã UTF-8 + đếm dòng)", scans)];
  const ratio = median(runs.map((t, k) => t.cpu / scans[k]!.cpu));
  printTable(`Thông lượng trích xuất (mục tiêu ≥ 20 MB/s mỗi lõi); chậm hơn quét tuyến tính ${ratio.toFixed(1).replace(".", ",")} lần (trung vị)`, rows);

  const hostileRows: Row[] = [];
  for (const [name, unit] of HOSTILE) {
    let previous: number | null = null;
    for (const size of [1, 4, 16]) {
      const text = repeatTo(unit, size * MB);
      const t = timed(() => extractText(text));
      hostileRows.push({
        "đầu vào": name,
        MB: size,
        "giây CPU": t.cpu.toFixed(2),
        "MB/s": (size / t.cpu).toFixed(2),
        "so với cỡ trước": previous === null ? "—" : `×${(t.cpu / previous).toFixed(1)} (tuyến tính: ×4)`,
      });
      previous = t.cpu;
    }
  }
  printTable("Đầu vào bất thường: thời gian phải tăng tuyến tính theo kích thước", hostileRows);
  await (await import("./read.ts")).benchRead(); // the readers of uploaded files, paper by paper
  await (await import("./heldout.ts")).benchHeldout(); // accuracy on papers the extractor was not tuned on
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchExtract();
}
