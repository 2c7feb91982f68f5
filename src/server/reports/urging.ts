import type { SheetRow } from "../../domain/api/directives.ts";
import { timelinessPhrase } from "../../domain/directives.ts";
import { formatDate, viCollator } from "../../domain/format.ts";
import type { Queryable } from "../db/schema.ts";
import { sheetRowsOf } from "../directives/queries.ts";
import { notFound } from "../http/errors.ts";
import { fingerprint, provinceHeading } from "./data.ts";
import { type Block, type Cell, p, type PartyDocument } from "./docx/model.ts";

// Report (c): the letter of a written urging (công văn đôn đốc) as the committee office sends it:
// "V/v đôn đốc thực hiện nhiệm vụ" under its number, "Kính gửi" the lead units of the urged
// directives, the office's own words, then the directives with their source, deadline and how
// they stood on the day of the urging, and the request to report back. Built from what the
// urging recorded, so the letter and the record say the same thing.

export interface UrgedDirective {
  unit: string;
  content: string;
  source: string | null;
  deadline: string;
  situation: string;
}

export interface UrgingLetterData {
  /** "Tỉnh ủy Đồng Tháp": the office's superior, over "VĂN PHÒNG". */
  issuer: string;
  place: string;
  /** The number recorded with the urging ("45-CV/VPTU"), or null to fill in. */
  symbol: string | null;
  issuedOn: string;
  content: string;
  addressees: string[];
  directives: UrgedDirective[];
  fingerprint: string;
}

const OFFICE_SYMBOL = "CV/VPTU";

export async function loadUrgingLetter(db: Queryable, provinceId: number, urgingId: string, dueSoonDays: number): Promise<UrgingLetterData> {
  const urging = await db
    .selectFrom("directive_urgings")
    .select(["id", "symbol", "issued_on", "content"])
    .where("province_id", "=", provinceId)
    .where("id", "=", urgingId)
    .executeTakeFirst();
  if (!urging) throw notFound("Không tìm thấy văn bản đôn đốc.");
  const items = await db.selectFrom("directive_urging_items").select("directive_id").where("province_id", "=", provinceId).where("urging_id", "=", urgingId).execute();
  // Units are named, and lateness counted, as on the day of the urging.
  const [heading, rows] = await Promise.all([
    provinceHeading(db, provinceId, urging.issued_on),
    sheetRowsOf(
      db,
      provinceId,
      items.map((x) => x.directive_id),
      urging.issued_on,
      dueSoonDays,
    ),
  ]);
  rows.sort((a, b) => viCollator.compare(a.leadUnitName, b.leadUnitName) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.id.localeCompare(b.id));
  const directives = rows.map(urged);
  const addressees = [...new Set(rows.map((r) => r.leadUnitName).filter(Boolean))];
  return {
    issuer: heading.issuer,
    place: heading.place,
    symbol: urging.symbol,
    issuedOn: urging.issued_on,
    content: urging.content,
    addressees,
    directives,
    fingerprint: fingerprint({ urging, directives }),
  };
}

function urged(r: SheetRow): UrgedDirective {
  const source = r.paperSymbol
    ? `${r.ordinal ? `mục ${r.ordinal}, ` : ""}văn bản số ${r.paperSymbol}${r.paperIssuedOn ? ` ngày ${formatDate(r.paperIssuedOn)}` : ""}`
    : null;
  const progress = r.progress !== null && r.status !== "done" ? `; tiến độ báo cáo ${r.progress}%${r.lastReportOn ? ` (ngày ${formatDate(r.lastReportOn)})` : ""}` : "";
  return {
    unit: r.leadUnitName,
    content: r.content,
    source,
    deadline: r.deadlineText,
    situation: `${r.statusLabel}, ${timelinessPhrase(r.timeliness, r.daysLeft).toLocaleLowerCase("vi")}${progress}`,
  };
}

/** "45-CV/VPTU" → number 45 and "CV/VPTU"; anything else leaves the number to fill in. */
function numberOf(symbol: string | null): { number: number | null; symbol: string } {
  const m = symbol ? /^\s*(\d{1,6})\s*-\s*(\S+)\s*$/.exec(symbol) : null;
  return m ? { number: Number(m[1]), symbol: m[2]! } : { number: null, symbol: OFFICE_SYMBOL };
}

export function buildUrgingLetter(data: UrgingLetterData): PartyDocument {
  const asOf = formatDate(data.issuedOn);
  const table: Cell[][] = data.directives.map((d, k) => [
    String(k + 1),
    d.source ? `${d.content} (${d.source})` : d.content,
    d.unit,
    d.deadline,
    d.situation,
  ]);
  const body: Block[] = [
    ...data.content
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => p(line)),
    p(`Theo dõi của Văn phòng Tỉnh ủy, tình hình thực hiện các nhiệm vụ được đôn đốc tính đến ngày ${asOf} như sau:`),
    {
      kind: "table",
      columns: [
        { title: "STT", width: 7, align: "center" },
        { title: "Nhiệm vụ (nguồn giao)", width: 40 },
        { title: "Cơ quan chủ trì", width: 17 },
        { title: "Thời hạn", width: 14, align: "center" },
        { title: `Tình hình đến ngày ${asOf}`, width: 22 },
      ],
      rows: table,
      size: 12,
    },
    {
      ...p(
        "Đề nghị các cơ quan, đơn vị tập trung thực hiện dứt điểm các nhiệm vụ nêu trên; " +
          "báo cáo kết quả, khó khăn, vướng mắc (nếu có) về Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) để theo dõi, tổng hợp.",
      ),
      keepNext: true,
    },
  ];
  const { number, symbol } = numberOf(data.symbol);
  return {
    issuer: { superior: data.issuer, name: "Văn phòng" },
    number,
    symbol,
    place: data.place,
    date: data.issuedOn,
    year: Number(data.issuedOn.slice(0, 4)),
    kind: "CÔNG VĂN",
    subject: ["V/v đôn đốc thực hiện nhiệm vụ"],
    letter: { regarding: "V/v đôn đốc thực hiện nhiệm vụ", addressees: data.addressees.length ? data.addressees : ["Các cơ quan, đơn vị"] },
    body,
    recipients: ["Như trên,", "Thường trực Tỉnh ủy (b/c),", "Lưu Văn phòng Tỉnh ủy."],
    signature: { position: "CHÁNH VĂN PHÒNG", name: null },
    properties: {
      title: "Công văn đôn đốc thực hiện nhiệm vụ",
      subject: `${data.directives.length} nhiệm vụ, ngày ${asOf}; mã kiểm tra ${data.fingerprint}`,
      creator: "dondoc",
      created: new Date(`${data.issuedOn}T00:00:00+07:00`),
    },
  };
}

export function urgingFileName(data: UrgingLetterData, ext: string): string {
  const n = data.symbol ? ` số ${data.symbol.replace(/\//g, "-")}` : "";
  return `Công văn đôn đốc${n} ngày ${formatDate(data.issuedOn).replace(/\//g, "-")}.${ext}`;
}
