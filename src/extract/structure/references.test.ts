import { describe, expect, it } from "vitest";
import { extractText } from "../index.ts";
import { isDocumentSymbol, kindOfSymbol } from "./symbols.ts";

function refs(text: string) {
  return extractText(text).references.map(({ span: _s, ...r }) => r);
}

describe("document symbols", () => {
  it.each([
    ["84-TTr/TU", "TTr"],
    ["148/KH-UBND", "KH"],
    ["14/2022/NQ-HĐND", "NQ"],
    ["11-QĐi/TW", "QĐi"],
    ["703-TB/UBKTTW", "TB"],
    ["2046/TLĐ-QHLĐ", null],
  ])("%s → %s", (symbol, kind) => {
    expect(isDocumentSymbol(symbol)).toBe(true);
    expect(kindOfSymbol(symbol)).toBe(kind);
  });
});

describe("references", () => {
  it("reads symbol, kind, date and issuer of a citation", () => {
    expect(refs("Thực hiện Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội.")).toEqual([
      { symbol: "35-CT/TW", kind: "CT", date: "2024-06-14", issuer: "Bộ Chính trị", text: "Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị" },
    ]);
  });

  it("keeps a bare number with the kind of its type word", () => {
    expect(refs("theo Quy định số 96 của Bộ Chính trị và Kế hoạch số 85 của Ban Thường vụ Tỉnh ủy")).toEqual([
      { symbol: "96", kind: "QĐ", date: null, issuer: "Bộ Chính trị", text: "Quy định số 96 của Bộ Chính trị" },
      { symbol: "85", kind: "KH", date: null, issuer: "Ban Thường vụ Tỉnh ủy", text: "Kế hoạch số 85 của Ban Thường vụ Tỉnh ủy" },
    ]);
  });

  it("reads state symbols and a worded date, drops the term from the issuer", () => {
    const [r] = refs("Nghị quyết số 14/2022/NQ-HĐND ngày 06 tháng 7 năm 2022 của Hội đồng nhân dân tỉnh khóa X.");
    expect(r).toMatchObject({ symbol: "14/2022/NQ-HĐND", kind: "NQ", date: "2022-07-06", issuer: "Hội đồng nhân dân tỉnh" });
  });

  it("shares date and issuer between conjoined citations", () => {
    const found = refs("Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị");
    expect(found.map((r) => [r.symbol, r.date, r.issuer])).toEqual([
      ["217-QĐ/TW", "2013-12-12", "Bộ Chính trị"],
      ["218-QĐ/TW", "2013-12-12", "Bộ Chính trị"],
    ]);
  });

  it("lists a document once and completes it from later citations", () => {
    const found = refs("tiếp tục thực hiện Chỉ thị số 05-CT/TW. Sơ kết Chỉ thị số 05-CT/TW ngày 15/5/2016 về học tập.");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ symbol: "05-CT/TW", date: "2016-05-15", issuer: null });
  });

  it("does not take the issuer from the title, and takes it from 'X ban hành'", () => {
    expect(refs("Quyết định số 139-QĐ/TW ngày 04/01/2024 về quy trình kiểm tra của Bộ Chính trị")[0]!.issuer).toBeNull();
    expect(refs("Tỉnh ủy đã ban hành Nghị quyết số 20-NQ/TU ngày 11/01/2024 về phát triển đảng viên")[0]).toMatchObject({
      issuer: "Tỉnh ủy",
      text: "Tỉnh ủy đã ban hành Nghị quyết số 20-NQ/TU ngày 11/01/2024",
    });
  });

  it("skips the paper's own number and documents cited without one", () => {
    const x = extractText("TỈNH ỦY AN GIANG\nSố 84-TTr/TU\nTỜ TRÌNH\nvề quy chế\n-----\nCăn cứ Nghị quyết Trung ương 8 khóa XIII và Tờ trình số 84-TTr/TU.");
    expect(x.references).toEqual([]);
  });
});
