// Regression corpus of the extractor, for changes that must not change its output (speed work): every
// input's full `Extraction` (texts, spans, warnings; not only toPaperJson) is written as one JSON line,
// and a later run compares line by line. Inputs: the five seeds (with and without options), the papers
// of test/fixtures/papers and test/fixtures/heldout and the reader fixtures read through `readPaper`,
// a few thousand texts generated from a fixed seed (recombined seed lines and sentences, numbers, dates,
// list labels, body names, citations, old tones, odd spaces and random characters; as plain text and as
// .docx blocks with task tables), and hostile texts. The snapshot lives outside the repository.
// Run: `node bench/extract-snapshot.ts write /tmp/extract-snapshot.jsonl`, then after a change
//      `node bench/extract-snapshot.ts check /tmp/extract-snapshot.jsonl`.
// Or compare with a copy of the code before the change, on texts generated from another seed:
//      `git archive HEAD src/extract | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/`
//      `SNAPSHOT_SEED=7 node bench/extract-snapshot.ts compare /tmp/before/src/extract/index.ts`
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { extract } from "../src/extract/index.ts";
import { readPaper } from "../src/extract/read/index.ts";
import type { Block, ExtractOptions, KnownBody, ReadDocument } from "../src/extract/types.ts";
import { prng } from "./lib/stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SEEDS = resolve(ROOT, "../shared/seeds");

interface Case {
  name: string;
  doc: ReadDocument;
  opts?: ExtractOptions;
}

const BODIES: KnownBody[] = [
  { id: "ubnd", names: ["Ủy ban nhân dân tỉnh", "UBND tỉnh"] },
  { id: "vptu", names: ["Văn phòng Tỉnh ủy", "VPTU"] },
  { id: "stc", names: ["Sở Tài chính"] },
  { id: "btc", names: ["Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"] },
  { id: "bcs", names: ["Ban Cán sự đảng Ủy ban nhân dân tỉnh", "BCS đảng UBND tỉnh"] },
];

const txt = (text: string, footnotes: string[] = [], warnings: string[] = []): ReadDocument => ({ format: "txt", text, footnotes, warnings });

function seedTexts(): Array<[string, string]> {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => [f, readFileSync(join(SEEDS, f), "utf8")]);
}

async function fileCases(): Promise<Case[]> {
  const out: Case[] = [];
  const dirs = ["test/fixtures/papers", "test/fixtures/heldout", "src/extract/read/fixtures"];
  for (const dir of dirs) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) {
      if (!/\.(?:txt|docx|doc|pdf)$/.test(f)) continue;
      const bytes = new Uint8Array(readFileSync(join(ROOT, dir, f)));
      let doc: ReadDocument;
      try {
        doc = await readPaper(bytes, basename(f));
      } catch (e) {
        out.push({ name: `${dir}/${f} (read error ${(e as { code?: string }).code})`, doc: txt("") });
        continue;
      }
      out.push({ name: `${dir}/${f}`, doc });
      out.push({ name: `${dir}/${f} +opts`, doc, opts: { bodies: BODIES, referenceDate: "2025-03-01" } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Generated texts

const BODY_NAMES = [
  "Ban Cán sự đảng Ủy ban nhân dân tỉnh", "Sở Tài chính", "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
  "Huyện ủy Châu Thành", "Đảng ủy xã Tân Phú", "thị xã Gò Công", "Ngành công an", "UBND tỉnh", "BCS đảng UBND tỉnh",
  "Các ban Đảng của Tỉnh ủy", "Các cấp ủy, chính quyền", "Sở Giáo dục và Đào tạo", "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh",
  "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", "Đảng đoàn Hội đồng nhân dân tỉnh", "Công an tỉnh", "Sở Kế hoạch và Đầu tư",
];
const PHRASES = [
  " chủ trì", ", phối hợp với ", " phối hợp chặt chẽ với ", "Giao ", "Đề nghị ", "Yêu cầu ", " chịu trách nhiệm ", " tham mưu ",
  " thường xuyên ", " hằng năm tổ chức ", " định kỳ báo cáo ", "trước ngày 30/6/2025", "trong quý IV/2024", "6 tháng cuối năm",
  "trong tháng 5/2025", "đến năm 2030", "chậm nhất ngày 15 tháng 8 năm 2025", "hoàn thành trong quý II", "trước 30/6",
  "9.003 tỷ đồng", " đạt 102,3% kế hoạch", " tăng 6,8%", "(giảm 4,1%)", "125 đảng viên", "194 căn nhà", "1.293/1.150",
  " vượt 4,8% kế hoạch", " bằng 58,6% dự toán", " tăng 9,4% so cùng kỳ", "3,5 ngàn tỷ đồng", "876 ha", "6,18%", "27 đảng viên mới",
  "kiểm tra 3.621 đảng viên và 831 tổ chức đảng", "khen thưởng cho 20 tập thể và 38 cá nhân có thành tích", "số vụ giảm 16",
  "Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị", "Quy định số 96", "Nghị quyết số 14/2022/NQ-HĐND ngày 06/7/2022 của Hội đồng nhân dân tỉnh",
  "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị", "theo 35-CT/TW", "Công văn 3145-CV/TU",
  "Tỉnh ủy đã ban hành Nghị quyết số 20-NQ/TU", "năm 2024", "nhiệm kỳ 2020 - 2025", "lần thứ 15", "(1)", "(2)", "thứ 3",
  "“Nhà đại đoàn kết”", "1.400 “Nhà đại đoàn kết”", "thuê bao/100 dân", "bác sĩ/vạn dân", "05 năm", "4 sao", "Ban Chỉ đạo 35 tỉnh",
  "Trên đây là ", "Nơi nhận:", "T/M TỈNH ỦY", "PHÓ BÍ THƯ", "Trần Đình Văn", "kỳ1;", "98,7%1.", "[1]", "[\n]", "Số 84-TTr/TU",
  "Hậu Giang, ngày 15 tháng 10 năm 2024", "Mật", "Uỷ ban", "hoà", "khoẻ", "quý", "Ð", "\u0301", "\u200B", "\u00A0", "\t", "\r\n",
  "%", "/", ".", ",", ";", ":", "(", ")", "“", "”", "\"", "*", "**", "-", "–", "—", "¹", "²", "³", " ", "  ", "\n", "\n\n",
];
const LABELS = ["1. ", "1.1. ", "2.3. ", "II. ", "IV. ", "a) ", "b) ", "- ", "+ ", "• ", "* ", "(1) ", "3) ", "đ) "];
const HEADINGS = ["THÔNG BÁO", "KẾT LUẬN", "BÁO CÁO", "NGHỊ QUYẾT", "KẾ HOẠCH", "CHƯƠNG TRÌNH", "-----", "*", "-oOo-", "TỈNH ỦY HẬU GIANG      ĐẢNG CỘNG SẢN VIỆT NAM", "Số 512-TB/TU      Hậu Giang, ngày 02 tháng 10 năm 2024", "Mật", "Độ mật: Tối mật", "TUYỆT MẬT", "Số: 18/2024/NQ-HĐND"];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function randomNumber(rand: () => number): string {
  const r = rand();
  if (r < 0.2) return String(Math.floor(rand() * 100));
  if (r < 0.4) return String(Math.floor(rand() * 100000)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  if (r < 0.55) return `${Math.floor(rand() * 1000)},${Math.floor(rand() * 100)}`;
  if (r < 0.65) return `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${2000 + Math.floor(rand() * 30)}`;
  if (r < 0.75) return String(1990 + Math.floor(rand() * 45));
  if (r < 0.85) return `0${Math.floor(rand() * 10)}`;
  return String(Math.floor(rand() * 1e9));
}

function randomGarbage(rand: () => number): string {
  let s = "";
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.6) s += String.fromCharCode(Math.floor(rand() * 0x3000));
    else if (r < 0.8) s += String.fromCharCode(0x1ea0 + Math.floor(rand() * 0x5a)); // Vietnamese letters
    else if (r < 0.9) s += String.fromCodePoint(0x10000 + Math.floor(rand() * 0x2000)); // astral
    else s += String.fromCharCode(0xd800 + Math.floor(rand() * 0x800)); // lone surrogates
  }
  return s;
}

/** Lines and sentences of the seeds, the material of the generated texts. */
function material(seeds: string[]): { lines: string[]; sentences: string[] } {
  const lines: string[] = [];
  const sentences: string[] = [];
  for (const s of seeds) {
    for (const l of s.split(/\r?\n/)) if (l.trim()) lines.push(l);
    for (const x of s.replace(/\s+/g, " ").split(/(?<=[.;:])\s/)) if (x.trim()) sentences.push(x);
  }
  return { lines, sentences };
}

function mutate(rand: () => number, s: string): string {
  const r = rand();
  if (r < 0.25) return s.replace(/\d[\d.,/]*/g, (x) => (rand() < 0.8 ? randomNumber(rand) : x));
  if (r < 0.35) {
    const at = Math.floor(rand() * s.length);
    return s.slice(0, at) + pick(rand, PHRASES) + s.slice(at);
  }
  if (r < 0.42) {
    const at = Math.floor(rand() * s.length);
    return s.slice(0, at) + randomGarbage(rand) + s.slice(at);
  }
  if (r < 0.5) return pick(rand, BODY_NAMES) + " " + s;
  if (r < 0.55) return s.toUpperCase();
  if (r < 0.6) return s.replace(/ /g, () => pick(rand, [" ", "  ", "\u00A0", "\t", " \n", "\n"]));
  return s;
}

function generatedText(rand: () => number, m: { lines: string[]; sentences: string[] }): string {
  const parts: string[] = [];
  if (rand() < 0.5) for (let i = 0, n = Math.floor(rand() * 6); i < n; i++) parts.push(pick(rand, HEADINGS) + "\n");
  const n = 1 + Math.floor(rand() * 40);
  for (let i = 0; i < n; i++) {
    const r = rand();
    let piece: string;
    if (r < 0.35) piece = pick(rand, m.lines) + "\n" + (rand() < 0.5 ? "\n" : "");
    else if (r < 0.6) piece = pick(rand, m.sentences) + " ";
    else if (r < 0.75) piece = pick(rand, LABELS) + pick(rand, m.sentences) + "\n";
    else if (r < 0.85) piece = pick(rand, BODY_NAMES) + pick(rand, PHRASES) + pick(rand, BODY_NAMES) + " " + pick(rand, PHRASES) + " ";
    else if (r < 0.95) piece = pick(rand, PHRASES) + randomNumber(rand) + " ";
    else piece = randomGarbage(rand);
    parts.push(mutate(rand, piece));
  }
  if (rand() < 0.3) parts.push("\nNơi nhận:\n- Như trên,\n- Lưu VPTU.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nTrần Đình Văn\n");
  if (rand() < 0.2) parts.push(`\n[1] ${pick(rand, m.sentences)}\n(2) ${pick(rand, m.sentences)}\n`);
  return parts.join("");
}

const TABLE_HEADERS = [
  ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
  ["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"],
  ["Số TT", "Nội dung", "Chịu trách nhiệm", "Phối hợp", "Tiến độ"],
];
const CELL_TIMES = ["Quý II/2026", "Tháng 4/2026", "Trước 30/6/2026", "6 tháng đầu năm 2026", "Thường xuyên", "30/6/2026", "Năm 2026", "2026", "hằng quý", "trong quý III năm 2025", ""];

function generatedBlocks(rand: () => number, m: { lines: string[]; sentences: string[] }): Block[] {
  const blocks: Block[] = [];
  const n = 1 + Math.floor(rand() * 25);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.15) {
      const header = pick(rand, TABLE_HEADERS);
      const rows: string[][] = [header];
      for (let k = 0, rowsN = Math.floor(rand() * 8); k < rowsN; k++) {
        rows.push(
          header.map((_, c) =>
            c === 0 ? (rand() < 0.2 ? pick(rand, ["I", "II", "(1)"]) : String(k + 1)) : c === header.length - 1 ? pick(rand, CELL_TIMES) : c === 1 ? mutate(rand, pick(rand, m.sentences)) : rand() < 0.7 ? `${pick(rand, BODY_NAMES)}${rand() < 0.3 ? "; " + pick(rand, BODY_NAMES) : ""}\n${rand() < 0.2 ? pick(rand, BODY_NAMES) : ""}` : mutate(rand, pick(rand, m.sentences)),
          ),
        );
      }
      blocks.push({ kind: "table", rows });
    } else if (r < 0.2) {
      blocks.push({ kind: "table", rows: [["TỈNH ỦY HẬU GIANG\n*\nSố 15-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM\nHậu Giang, ngày 02 tháng 10 năm 2024"]] });
    } else {
      const text = mutate(rand, rand() < 0.5 ? pick(rand, m.sentences) : generatedText(rand, m).slice(0, 600));
      const label = rand() < 0.4 ? pick(rand, ["1.", "2.", "a)", "b)", "-", "+", "II.", "1.1.", "(1)"]) : undefined;
      blocks.push(label ? { kind: "paragraph", text, label } : { kind: "paragraph", text });
    }
  }
  return blocks;
}

function hostileCases(): Case[] {
  const size = 64 * 1024;
  const rep = (u: string) => u.repeat(Math.ceil(size / u.length)).slice(0, size);
  const units = [
    "1234567890", "/", ".", "1.1.1.1.1.1.1.1.1.1.1 ", "1. a\n", "phối hợp với ", " ", "\n", "(", "“", "- ", "1/2/3-4.5,6 84-TTr/TU ",
    "tăng 5% ", "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và ", "kỳ1;\n1 Tổng\n", " \u200B",
    "Ban Cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính trước ngày 30/6/2025 đạt 9.003 tỷ đồng, tăng 6,8% ",
  ];
  return units.map((u, i) => ({ name: `hostile ${i}`, doc: txt(rep(u)) }));
}

async function allCases(): Promise<Case[]> {
  const seeds = seedTexts();
  const cases: Case[] = [];
  for (const [f, s] of seeds) {
    cases.push({ name: `seed ${f}`, doc: txt(s) });
    cases.push({ name: `seed ${f} +opts`, doc: txt(s, ["Ghi chú cuối trang của người đọc."], ["cảnh báo"]), opts: { bodies: BODIES, referenceDate: "2024-05-01" } });
    cases.push({ name: `seed ${f} crlf`, doc: txt(s.replace(/\n/g, "\r\n")) });
    cases.push({ name: `seed ${f} as docx`, doc: { format: "docx", blocks: s.split(/\n\s*\n/).map((t) => ({ kind: "paragraph" as const, text: t })), footnotes: [], warnings: [] } });
  }
  cases.push(...(await fileCases()));
  const m = material(seeds.map(([, s]) => s));
  const rand = prng(Number(process.env.SNAPSHOT_SEED ?? 20250611));
  for (let i = 0; i < 3000; i++) {
    const opts = rand() < 0.2 ? { bodies: BODIES, referenceDate: "2025-01-15" } : undefined;
    cases.push({ name: `generated text ${i}`, doc: txt(generatedText(rand, m)), opts });
  }
  for (let i = 0; i < 1000; i++) {
    const opts = rand() < 0.3 ? { bodies: BODIES } : undefined;
    cases.push({ name: `generated docx ${i}`, doc: { format: "docx", blocks: generatedBlocks(rand, m), footnotes: rand() < 0.3 ? [pick(rand, m.sentences)] : [], warnings: [] }, opts });
  }
  for (let i = 0; i < 500; i++) {
    let s = "";
    for (let k = 0, n = Math.floor(rand() * 200); k < n; k++) s += pick(rand, PHRASES) + (rand() < 0.3 ? pick(rand, LABELS) : "");
    cases.push({ name: `fragments ${i}`, doc: txt(s) });
  }
  for (let i = 0; i < 300; i++) cases.push({ name: `garbage ${i}`, doc: txt(randomGarbage(rand).repeat(1 + Math.floor(rand() * 30))) });
  // Whole seeds with every number changed: the seeds' structure with other figures and dates.
  for (let i = 0; i < 100; i++) {
    const [, s] = pick(rand, seeds);
    cases.push({ name: `seed renumbered ${i}`, doc: txt(s.replace(/\d+/g, () => randomNumber(rand))) });
  }
  cases.push(...hostileCases());
  return cases;
}

function run(c: Case, extractor: typeof extract = extract): string {
  try {
    return JSON.stringify(extractor(c.doc, c.opts));
  } catch (e) {
    return JSON.stringify({ error: String(e) });
  }
}

/** The lines the extractor of another copy of the code (its index.ts at `path`) gives. */
async function otherRun(path: string): Promise<string[]> {
  const other = (await import(resolve(path))) as { extract: typeof extract };
  return cases.map((c) => run(c, other.extract));
}

const [mode = "check", file = "/tmp/extract-snapshot.jsonl"] = process.argv.slice(2);
const cases = await allCases();
const started = performance.now();
const lines = cases.map((c) => run(c));
const seconds = (performance.now() - started) / 1000;
const hash = createHash("sha256").update(lines.join("\n")).digest("hex");
console.log(`${cases.length} inputs, ${(cases.reduce((n, c) => n + (c.doc.format === "docx" ? 0 : c.doc.text.length), 0) / 1e6).toFixed(1)} M characters of text, extracted in ${seconds.toFixed(1)} s; sha256 ${hash}`);
if (mode === "write") {
  writeFileSync(file, lines.join("\n"));
  console.log(`written to ${file}`);
} else {
  const expected = mode === "compare" ? await otherRun(file) : readFileSync(file, "utf8").split("\n");
  if (expected.length !== lines.length) throw new Error(`snapshot has ${expected.length} inputs, this run ${lines.length}`);
  let differences = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === expected[i]) continue;
    if (++differences <= 5) {
      const a = expected[i]!;
      const b = lines[i]!;
      let k = 0;
      while (k < a.length && a[k] === b[k]) k++;
      console.log(`DIFFERENT: ${cases[i]!.name}\n  expected …${a.slice(Math.max(0, k - 150), k + 150)}\n  got      …${b.slice(Math.max(0, k - 150), k + 150)}`);
    }
  }
  console.log(differences === 0 ? "identical" : `${differences} inputs differ`);
  if (differences > 0) process.exitCode = 1;
}
