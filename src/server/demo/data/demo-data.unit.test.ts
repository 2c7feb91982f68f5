// The demo data a newcomer sees on first start must be a tree the application accepts
// and a history a reader can trust: every unit has a living parent, every recorded change
// matches the versions it closes and opens, and every body the demo papers name can be
// found in the tree that was in force on the paper's date.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UnitTreeFile, validOn } from "../../../domain/units.ts";
import type { UnitTreeFile as UnitTreeFileType } from "../../../domain/units.ts";
import { foldForMatch } from "../../../extract/normalize.ts";

const DATA_DIR = import.meta.dirname;
const PAPERS_DIR = join(import.meta.dirname, "..", "papers");

interface TenantCase {
  file: string;
  roots: { day: string; name: string }[];
}

const TENANTS: TenantCase[] = [
  {
    file: "dong-thap.units.json",
    roots: [
      { day: "2024-10-01", name: "Tỉnh ủy Tiền Giang" },
      { day: "2025-09-01", name: "Tỉnh ủy Đồng Tháp" },
    ],
  },
  {
    file: "can-tho.units.json",
    roots: [
      { day: "2024-10-01", name: "Tỉnh ủy Hậu Giang" },
      { day: "2025-09-01", name: "Thành ủy Cần Thơ" },
    ],
  },
];

const PAPERS = [
  { file: "tb-ket-luan-9-thang-2024.txt", tree: "dong-thap.units.json", day: "2024-10-08", minBodies: 12 },
  { file: "ctr-quy-iv-2024.txt", tree: "can-tho.units.json", day: "2024-10-03", minBodies: 12 },
  { file: "bc-ket-qua-2024.txt", tree: "can-tho.units.json", day: "2024-12-20", minBodies: 6 },
];

function loadTree(file: string): UnitTreeFileType {
  return UnitTreeFile.parse(JSON.parse(readFileSync(join(DATA_DIR, file), "utf8")));
}

type Version = UnitTreeFileType["units"][number]["versions"][number];
type Unit = UnitTreeFileType["units"][number];

/** The version of a unit in force on a day, if any. */
function versionOn(unit: Unit, day: string): Version | undefined {
  return unit.versions.find((v) => validOn(day, v.validFrom, v.validTo));
}

/** The day before an ISO date. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a unit's versions, joined where one ends as the next begins, cover [from, to). */
function covers(unit: Unit, from: string, to: string | null): boolean {
  const sorted = [...unit.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const spans: { from: string; to: string | null }[] = [];
  for (const v of sorted) {
    const last = spans.at(-1);
    if (last && last.to === v.validFrom) last.to = v.validTo;
    else spans.push({ from: v.validFrom, to: v.validTo });
  }
  return spans.some((s) => s.from <= from && (s.to === null || (to !== null && to <= s.to)));
}

/** Every folded name, short name and alias of the units in force on a day, with the unit code. */
function namesOn(tree: UnitTreeFileType, day: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const u of tree.units) {
    const v = versionOn(u, day);
    if (!v) continue;
    for (const n of [v.name, v.shortName, ...v.aliases]) {
      if (!n) continue;
      const key = foldForMatch(n);
      names.set(key, (names.get(key) ?? new Set()).add(u.code));
    }
  }
  return names;
}

describe.each(TENANTS)("demo tree $file", ({ file, roots }) => {
  const tree = loadTree(file);
  const byCode = new Map(tree.units.map((u) => [u.code, u]));

  it("has unique unit codes", () => {
    const codes = tree.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("has versions that end after they start and never overlap", () => {
    const problems: string[] = [];
    for (const u of tree.units) {
      const vs = [...u.versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      vs.forEach((v, i) => {
        if (v.validTo !== null && v.validTo <= v.validFrom) problems.push(`${u.code}: ${v.validFrom} → ${v.validTo}`);
        const next = vs[i + 1];
        if (next && (v.validTo === null || next.validFrom < v.validTo)) problems.push(`${u.code}: ${v.validFrom} overlaps ${next.validFrom}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("gives every version a parent that exists over its whole interval", () => {
    const problems: string[] = [];
    for (const u of tree.units) {
      for (const v of u.versions) {
        if (v.parent === null) continue;
        const parent = byCode.get(v.parent);
        if (!parent) problems.push(`${u.code}: parent ${v.parent} does not exist`);
        else if (v.parent === u.code) problems.push(`${u.code}: its own parent`);
        else if (!covers(parent, v.validFrom, v.validTo)) problems.push(`${u.code} ${v.validFrom}: parent ${v.parent} not valid throughout`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("records changes that name existing units and match the versions they close and open", () => {
    const problems: string[] = [];
    for (const c of tree.changes) {
      const before = dayBefore(c.date);
      const where = `${c.date} ${c.kind} [${c.from.join(", ")}] → [${c.to.join(", ")}]`;
      for (const code of [...c.from, ...c.to]) if (!byCode.has(code)) problems.push(`${where}: unknown ${code}`);
      if (c.from.length === 0) problems.push(`${where}: no unit changed`);
      if (c.kind === "abolish" && c.to.length) problems.push(`${where}: an abolished unit has no successor`);
      if (c.kind !== "abolish" && c.to.length === 0) problems.push(`${where}: no resulting unit`);
      for (const code of c.from) {
        const u = byCode.get(code);
        if (!u) continue;
        if (!versionOn(u, before)) problems.push(`${where}: ${code} not valid the day before`);
        const continues = c.to.includes(code);
        if (!continues && (c.kind === "merge" || c.kind === "abolish")) {
          if (!u.versions.some((v) => v.validTo === c.date) || versionOn(u, c.date)) problems.push(`${where}: ${code} does not end on ${c.date}`);
        }
        if (continues && ["rename", "move", "edit"].includes(c.kind)) {
          if (!u.versions.some((v) => v.validTo === c.date) || !u.versions.some((v) => v.validFrom === c.date)) {
            problems.push(`${where}: ${code} has no new version on ${c.date}`);
          }
        }
        if (continues && (c.kind === "merge" || c.kind === "split") && !versionOn(u, c.date)) problems.push(`${where}: ${code} not valid on ${c.date}`);
      }
      for (const code of c.to) {
        const u = byCode.get(code);
        if (!u) continue;
        if (!versionOn(u, c.date)) problems.push(`${where}: ${code} not valid on ${c.date}`);
        if (!c.from.includes(code) && (!u.versions.some((v) => v.validFrom === c.date) || versionOn(u, before))) {
          problems.push(`${where}: ${code} does not begin on ${c.date}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(roots)("shows exactly one root, $name, as of $day", ({ day, name }) => {
    const valid = tree.units.filter((u) => versionOn(u, day));
    const rootVersions = valid.map((u) => versionOn(u, day)!).filter((v) => v.parent === null);
    expect(rootVersions.map((v) => v.name)).toEqual([name]);
  });

  it("shows the districts before 1 July 2025 and communes directly under the new root after", () => {
    const districtsThen = tree.units.filter((u) => u.kind === "district" && versionOn(u, "2024-10-01"));
    expect(districtsThen.length).toBeGreaterThanOrEqual(8);
    for (const d of districtsThen) expect(tree.units.filter((u) => u.kind === "commune" && versionOn(u, "2024-10-01")?.parent === d.code).length).toBeGreaterThanOrEqual(3);
    expect(tree.units.filter((u) => u.kind === "district" && versionOn(u, "2025-09-01"))).toEqual([]);
    const communesNow = tree.units.filter((u) => u.kind === "commune" && versionOn(u, "2025-09-01"));
    expect(communesNow.length).toBeGreaterThan(10);
    for (const c of communesNow) expect(versionOn(c, "2025-09-01")!.parent).toBe("TU");
  });

  it("keeps the units the demo accounts are linked to alive on both dates", () => {
    for (const code of ["TU", "VPTU", "BTC", "SO-TC"]) {
      for (const day of ["2024-10-01", "2025-09-01"]) expect(versionOn(byCode.get(code)!, day), `${code} on ${day}`).toBeDefined();
    }
  });

  it.each(["2024-10-01", "2025-09-01"])("never gives one name to two units in force on %s", (day) => {
    const clashes = [...namesOn(tree, day)].filter(([, codes]) => codes.size > 1).map(([name, codes]) => `${name}: ${[...codes].join(", ")}`);
    expect(clashes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Bodies named in the demo papers

const HEADS = [
  "Ban",
  "Sở",
  "Ủy ban",
  "Văn phòng",
  "Đảng ủy",
  "Đảng đoàn",
  "Công an",
  "Bộ Chỉ huy",
  "Thanh tra",
  "Hội(?! nghị)",
  "Liên đoàn",
  "Tỉnh Đoàn",
  "Huyện ủy",
  "Thành ủy",
  "Thị ủy",
  "Trường Chính trị",
  "Thường trực",
];
const HEAD = new RegExp(`^(?:${HEADS.join("|")})\\s`, "u");
/** Splits a list of bodies at commas and at "và" that start another body, not inside "Sở Kế hoạch và Đầu tư". */
const LIST_SPLIT = new RegExp(`,\\s*(?=(?:${HEADS.join("|")})\\s)|\\s+và\\s+(?=(?:${HEADS.join("|")})\\s)`, "u");

/** Candidate body names: after "Giao", before "chủ trì"/"chịu trách nhiệm", after "phối hợp với". */
function namedBodies(text: string): string[] {
  const found: string[] = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim().replace(/^(?:[IVX]+|\d+(?:\.\d+)*)\.\s+/u, "");
    for (const sentence of line.split(/(?<=[.;:])\s+/u)) {
      const clauses: string[] = [];
      for (const m of sentence.matchAll(/Giao\s+([^.;:]+)/gu)) clauses.push(m[1]!);
      for (const m of sentence.matchAll(/^(.*?)\s+(?:chủ trì|chịu trách nhiệm)(?=[\s,.;:]|$)/gu)) clauses.push(m[1]!.replace(/^Giao\s+/u, ""));
      for (const m of sentence.matchAll(/phối hợp với\s+([^.;:]+)/gu)) clauses.push(m[1]!);
      for (const clause of clauses) {
        for (const part of clause.split(LIST_SPLIT)) {
          const candidate = part.trim();
          if (HEAD.test(candidate) && !/\scác\s/u.test(` ${candidate.split(/\s+/u).slice(0, 5).join(" ")} `)) found.push(candidate);
        }
      }
    }
  }
  return found;
}

/** The longest word prefix of a candidate that is a name, short name or alias in force. */
function matchPrefix(candidate: string, names: Map<string, Set<string>>): string | undefined {
  const words = candidate.split(/\s+/u);
  for (let n = words.length; n > 0; n--) {
    const prefix = words.slice(0, n).join(" ");
    if (names.has(foldForMatch(prefix))) return prefix;
  }
  return undefined;
}

describe.each(PAPERS)("demo paper $file", ({ file, tree: treeFile, day, minBodies }) => {
  const text = readFileSync(join(PAPERS_DIR, file), "utf8");
  const names = namesOn(loadTree(treeFile), day);

  it("is UTF-8 text laid out like a Party paper", () => {
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toMatch(/Số \d+-(?:TB|CTr|BC)\/TU/u);
    expect(text).toContain("Nơi nhận:");
  });

  it("names only bodies found in the tree in force on its date", () => {
    const candidates = namedBodies(text);
    expect(candidates.length).toBeGreaterThanOrEqual(minBodies);
    const missing = candidates.filter((c) => !matchPrefix(c, names));
    expect(missing).toEqual([]);
  });
});
