import { describe, expect, it } from "vitest";
import type { UnitSlice } from "../../domain/units.ts";
import { bodyResolver, itemsDiff, knownBodiesOn, recipientsFromText, searchKey } from "./draft.ts";
import { pickCited } from "./queries.ts";

const slice = (id: string, validFrom: string, validTo: string | null, name: string, aliases: string[] = [], shortName: string | null = null): UnitSlice => ({
  id,
  code: id,
  kind: "party_organ",
  parentId: null,
  name,
  shortName,
  aliases,
  validFrom,
  validTo,
});

describe("the bodies a paper may name", () => {
  const versions = [
    slice("btg", "2020-01-01", "2025-03-01", "Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo"]),
    slice("bdv", "2020-01-01", "2025-03-01", "Ban Dân vận Tỉnh ủy"),
    slice("btgdv", "2025-03-01", null, "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    slice("tu", "2020-01-01", "2025-07-01", "Tỉnh ủy Hậu Giang", ["Tỉnh ủy"]),
    slice("tu", "2025-07-01", null, "Thành ủy Cần Thơ", ["Thành ủy"]),
  ];

  it("are the units of the paper's date under that day's names, the current name first", () => {
    const on2024 = knownBodiesOn(versions, "2024-10-08");
    expect(on2024.map((b) => b.id).sort()).toEqual(["bdv", "btg", "tu"]);
    expect(on2024.find((b) => b.id === "tu")!.names).toEqual(["Tỉnh ủy Hậu Giang", "Tỉnh ủy"]);
  });

  it("keep the names a unit had before, never the ones it gets later", () => {
    const on2026 = knownBodiesOn(versions, "2026-01-05");
    expect(on2026.find((b) => b.id === "tu")!.names).toEqual(["Thành ủy Cần Thơ", "Thành ủy", "Tỉnh ủy Hậu Giang", "Tỉnh ủy"]);
    expect(on2026.map((b) => b.id).sort()).toEqual(["btgdv", "tu"]);
  });

  it("resolve a name to a unit only when exactly one carries it", () => {
    const resolve = bodyResolver([
      { id: "a", names: ["Sở Tài chính", "Sở Tài chính tỉnh"] },
      { id: "b", names: ["Đảng ủy xã Long Hưng"] },
      { id: "c", names: ["Đảng ủy xã Long Hưng"] },
    ]);
    expect(resolve("sở tài chính")).toBe("a");
    expect(resolve("Đảng ủy xã Long Hưng")).toBeNull();
    expect(resolve("Sở Y tế")).toBeNull();
  });
});

describe("the distribution list", () => {
  it("is read from a two-column layout without the signature beside it", () => {
    const text = [
      "Nơi nhận:                                                       T/M TỈNH ỦY",
      "- Văn phòng Trung ương Đảng,                                    PHÓ BÍ THƯ",
      "- Các đồng chí Ủy viên BCH Đảng bộ tỉnh,",
      "- Các sở, ngành, đoàn thể tỉnh,",
      "- Lưu Văn phòng Tỉnh ủy.                                        Lâm Văn Hậu",
    ].join("\n");
    expect(recipientsFromText(text, { name: "Lâm Văn Hậu", position: "Phó Bí thư" })).toBe(
      ["Văn phòng Trung ương Đảng", "Các đồng chí Ủy viên BCH Đảng bộ tỉnh", "Các sở, ngành, đoàn thể tỉnh", "Lưu Văn phòng Tỉnh ủy"].join("\n"),
    );
  });

  it("is read from a PDF copy where the signature block ran into the list", () => {
    const text = [
      "Trên đây là ý kiến chỉ đạo của đồng chí Bí thư Tỉnh ủy.",
      "",
      "Nơi nhận:  T/L BAN THƯỜNG VỤ",
      "",
      "- Các UVBCH Đảng bộ tỉnh, CHÁNH VĂN PHÒNG",
      "- Các ban đảng, BCS đảng, đảng đoàn,",
      "",
      "- Cấp ủy huyện (tương đương),",
      "",
      "- Lưu Văn phòng Tỉnh ủy. Phạm Thị Mai Tiên",
    ].join("\n");
    expect(recipientsFromText(text, { name: "Phạm Thị Mai Tiên", position: "Chánh Văn phòng" })).toBe(
      ["Các UVBCH Đảng bộ tỉnh", "Các ban đảng, BCS đảng, đảng đoàn", "Cấp ủy huyện (tương đương)", "Lưu Văn phòng Tỉnh ủy"].join("\n"),
    );
  });

  it("is null when the paper has none", () => {
    expect(recipientsFromText("Một văn bản không có nơi nhận.")).toBeNull();
  });
});

describe("linking a citation to a stored paper", () => {
  const at = new Date("2024-01-01T00:00:00Z");
  const term1 = { id: "old", issuedOn: "2019-05-02", createdAt: at };
  const term2 = { id: "new", issuedOn: "2023-04-18", createdAt: at };

  it("uses the citation's date when Party numbering restarted and two papers share a number", () => {
    expect(pickCited([term1, term2], "2019-05-02", "2024-10-03")).toBe("old");
    expect(pickCited([term1, term2], "2023-04-18", "2024-10-03")).toBe("new");
    expect(pickCited([term1, term2], "2023-04-19", "2024-10-03")).toBeNull();
  });

  it("without a date takes the latest paper issued before the citing one", () => {
    expect(pickCited([term1, term2], null, "2024-10-03")).toBe("new");
    expect(pickCited([term1, term2], null, "2020-01-01")).toBe("old");
    expect(pickCited([term2], null, null)).toBe("new");
  });
});

describe("what a review changed", () => {
  it("lists added, removed and changed items for the audit log", () => {
    const d = (key: string, text: string, deadline: string | null = null) => ({
      key,
      ordinal: "1",
      text,
      leads: [],
      partners: [],
      deadline,
      deadlineText: null,
      span: null,
    });
    const diff = itemsDiff(
      { directives: [d("a", "Việc một"), d("b", "Việc hai")], facts: [], references: [] },
      { directives: [d("a", "Việc một", "2024-12-31"), d("c", "Việc ba")], facts: [], references: [] },
    ) as { directives: { added: unknown[]; removed: unknown[]; changed: Array<{ key: string; fields: Record<string, unknown> }> } };
    expect(diff.directives.added).toHaveLength(1);
    expect(diff.directives.removed).toEqual([{ key: "b", text: "Việc hai" }]);
    expect(diff.directives.changed).toEqual([{ key: "a", fields: { deadline: { before: null, after: "2024-12-31" } } }]);
    expect(Object.keys(diff)).toEqual(["directives"]);
  });
});

it("folds symbols and titles for search", () => {
  expect(searchKey(["1012-TB/TU", "kết luận của đồng chí Bí thư Tỉnh ủy"])).toBe("1012-tb/tu ket luan cua dong chi bi thu tinh uy");
});
