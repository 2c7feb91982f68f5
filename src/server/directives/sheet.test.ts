import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, formatDate, todayInVietnam } from "../../domain/format.ts";
import { createDirectiveWorld, type DirectiveWorld, insertConfirmedPaper } from "../../../test/support/directives.ts";
import { testApp } from "../../../test/support/http.ts";
import type { Db } from "../db/schema.ts";
import { SHEET_COLUMNS } from "./sheet.ts";

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let w: DirectiveWorld;
const today = todayInVietnam();

async function workbook(rows: (string | number | Date | null)[][], header: string[] = [...SHEET_COLUMNS]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Theo dõi");
  ws.addRow(["BẢNG THEO DÕI"]);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, name = "theo-doi.xlsx") {
  const form = new FormData();
  form.set("file", new File([bytes], name));
  return w.clients.office.request("POST", "/api/directives/import", form);
}

beforeAll(async () => {
  ({ app, db } = await testApp());
  w = await createDirectiveWorld(app, db);
});

describe("the tracking sheet in Excel", () => {
  it("exports the usual layout with Vietnamese dates, and re-importing it assigns nothing twice", async () => {
    const { paperId, itemIds } = await insertConfirmedPaper(db, w.provinceId, "1012-TB/TU", [
      { ordinal: "1", text: "Đánh giá lại 22 chỉ tiêu Nghị quyết năm 2024", leads: [{ name: "Sở Kế hoạch và Đầu tư", unitId: w.units.planning }], partners: [{ name: "Sở Tài chính", unitId: w.units.finance }] },
      { ordinal: "2", text: "Tăng cường quản lý thu ngân sách", leads: [{ name: "Sở Tài chính", unitId: w.units.finance }] },
    ]);
    const due = addDays(today, 12);
    const created = await w.clients.office.post(`/api/directives/from-paper/${paperId}`, {
      items: [
        { paperDirectiveId: itemIds[0], leadUnitId: w.units.planning, partnerUnitIds: [w.units.finance], deadline: { kind: "date", value: due } },
        { paperDirectiveId: itemIds[1], leadUnitId: w.units.finance, deadline: { kind: "quarter", value: "2026-Q4" } },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await w.clients.planningLeader.post(`/api/directives/${created.body.ids[0]}/reports`, { progress: 40, narrative: "Đã đánh giá 9/22 chỉ tiêu." });

    const res = await w.clients.office.get(`/api/directives/export?paperId=${paperId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe("BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ THEO VĂN BẢN SỐ 1012-TB/TU");
    expect(String(ws.getCell(2, 1).value)).toBe(`(Tính đến ngày ${formatDate(today)})`);
    expect((ws.getRow(4).values as unknown[]).slice(1, 9)).toEqual([...SHEET_COLUMNS]);
    const first = (ws.getRow(5).values as unknown[]).slice(1, 9).map(String);
    expect(first).toEqual([
      "1",
      "Đánh giá lại 22 chỉ tiêu Nghị quyết năm 2024",
      "Sở Kế hoạch và Đầu tư",
      "Sở Tài chính",
      formatDate(due),
      `Đang thực hiện (40%)\nBáo cáo ngày ${formatDate(today)}`,
      "Đã đánh giá 9/22 chỉ tiêu.",
      "Trong hạn\nMục 1, văn bản số 1012-TB/TU ngày 08/10/2024",
    ]);
    expect(String(ws.getCell(6, 5).value)).toBe("Quý IV/2026");

    const again = await upload(new Uint8Array(res.body as Uint8Array));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ created: 0, skipped: 2 });
  });

  it("imports a sheet filled in by hand, matching units by any of their names", async () => {
    const bytes = await workbook([
      [1, "Tổ chức tập huấn nghiệp vụ tài chính", "sở tài chính", "Sở KH&ĐT; Ban Tổ chức Tỉnh ủy", "31/12/2026", "", "", "Ưu tiên"],
      [2, "Báo cáo tình hình thu ngân sách", "Sở Tài chính", "", "Thường xuyên", "", "", ""],
      [3, "Rà soát quy hoạch cán bộ", "Ban Tổ chức Tỉnh ủy", "", "tháng 12/2026", "", "", ""],
    ]);
    const res = await upload(bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(3);
    const list = await w.clients.office.get("/api/directives?q=t%E1%BA%ADp%20hu%E1%BA%A5n");
    expect(list.body.rows[0]).toMatchObject({ leadUnitName: "Sở Tài chính", deadlineText: "31/12/2026", note: "Ưu tiên" });
    expect(list.body.rows[0].partnerUnitNames).toEqual(["Ban Tổ chức Tỉnh ủy", "Sở Kế hoạch và Đầu tư"]);
  });

  it("refuses a sheet with problems whole, listing them in Vietnamese", async () => {
    const before = (await w.clients.office.get("/api/directives?limit=1")).body.total;
    const bytes = await workbook([
      [1, "Việc đúng", "Sở Tài chính", "", "31/12/2026", "", "", ""],
      [2, "", "Sở Tài chính", "", "", "", "", ""],
      [3, "Đơn vị lạ", "Sở Không Có", "", "", "", "", ""],
      [4, "Hai chủ trì", "Sở Tài chính; Ban Tổ chức Tỉnh ủy", "", "", "", "", ""],
      [5, "Hạn lạ", "Sở Tài chính", "", "sớm nhất có thể", "", "", ""],
      [6, "Đơn vị đã giải thể", "Huyện ủy Tân Phú Đông", "", "", "", "", ""],
    ]);
    const res = await upload(bytes);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Tệp có 5 lỗi; chưa nhập nhiệm vụ nào.");
    expect(res.body.error.details.problems).toEqual([
      "Dòng 5: thiếu nội dung nhiệm vụ.",
      'Dòng 6: đơn vị chủ trì "Sở Không Có" không có trong cây tổ chức hiện hành.',
      'Dòng 7: mỗi nhiệm vụ chỉ có một đơn vị chủ trì ("Sở Tài chính; Ban Tổ chức Tỉnh ủy").',
      'Dòng 8: không đọc được thời hạn "sớm nhất có thể" (ví dụ: 31/12/2026, tháng 12/2026, quý IV/2026, thường xuyên).',
      'Dòng 9: đơn vị chủ trì "Huyện ủy Tân Phú Đông" không có trong cây tổ chức hiện hành.',
    ]);
    expect((await w.clients.office.get("/api/directives?limit=1")).body.total).toBe(before);
    const noHeader = await upload(await workbook([[1, "x"]], ["A", "B"]));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.details.problems[0]).toMatch(/Không tìm thấy dòng tiêu đề/);
  });

  it("refuses a file that is not Excel, and a zip bomb before reading it", async () => {
    const text = await upload(new TextEncoder().encode("STT;Nội dung"), "a.xlsx");
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/không phải là tệp Excel/);
    // 60 MB of zeros compress to about 60 KB: declared size beyond the limit.
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync({ "[Content_Types].xml": new TextEncoder().encode("<Types/>"), "xl/worksheets/sheet1.xml": zeros }, { level: 9 });
    const res = await upload(bomb);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("zip_bomb");
    expect(res.body.error.message).toMatch(/giải nén lớn bất thường/);
  });
});
