import { type Deadline, type DeadlineKind, lastDay } from "../../domain/directives.ts";
import { formatDate, todayInVietnam, viCollator } from "../../domain/format.ts";
import type { Queryable } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import type { NamedBody } from "../papers/tables.ts";
import { fillMissingUnits, fingerprint, provinceHeading } from "./data.ts";
import { type Block, i, p, type PartyDocument } from "./docx/model.ts";

// Report (b): the skeleton of a conclusion notice (thông báo kết luận) from a meeting's
// directives — those of a confirmed paper, or a set of tracked directives — in the style of the
// seed notices: the opening for the office to complete, the numbered items with who leads,
// who supports and by when, "Văn phòng Tỉnh ủy thông báo …", "Nơi nhận" naming the bodies
// concerned, and "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG".

export interface ConclusionOptions {
  provinceId: number;
  /** The directives of this paper (tracked ones, else the paper's confirmed items). */
  paperId?: string;
  /** Or these tracked directives, in this order. */
  directiveIds?: string[];
  /** The subject line; by default from the paper's title or a generic one. */
  subject?: string;
  /** The meeting's day, for the opening. */
  meetingDate?: string;
  /** The day of the notice (blank when omitted). */
  date?: string;
}

export interface ConclusionItem {
  id: string;
  ordinal: string | null;
  content: string;
  leads: string[];
  partners: string[];
  deadline: Deadline;
  deadlineText: string | null;
}

export interface ConclusionData {
  issuer: string;
  place: string;
  paper: { id: string; symbol: string | null; title: string | null; issuedOn: string | null } | null;
  items: ConclusionItem[];
  subject: string;
  meetingDate: string | null;
  date: string | null;
  fingerprint: string;
}

const ROMAN = ["I", "II", "III", "IV"];

/** How a notice words a deadline: "trước ngày 31/10/2024", "trong tháng 12/2024", "trong quý IV/2024", "thường xuyên". */
export function deadlinePhrase(d: Deadline, text: string | null = null): string {
  switch (d.kind) {
    case "date":
      return d.value ? `hoàn thành trước ngày ${formatDate(d.value)}` : "";
    case "month": {
      const [y, m] = (d.value ?? "").split("-");
      return `hoàn thành trong tháng ${Number(m)}/${y}`;
    }
    case "quarter":
      return `hoàn thành trong quý ${ROMAN[Number((d.value ?? "").slice(6)) - 1] ?? "?"}/${(d.value ?? "").slice(0, 4)}`;
    case "recurring":
      return "thực hiện thường xuyên";
    case "none":
      return text ? text : "";
  }
}

export async function loadConclusion(db: Queryable, options: ConclusionOptions): Promise<ConclusionData> {
  let paper: ConclusionData["paper"] = null;
  if (options.paperId) {
    const row = await db.selectFrom("papers").select(["id", "symbol", "title", "issued_on"]).where("province_id", "=", options.provinceId).where("id", "=", options.paperId).executeTakeFirst();
    if (!row) throw notFound("Không tìm thấy văn bản.");
    paper = { id: row.id, symbol: row.symbol, title: row.title, issuedOn: row.issued_on };
  }
  // The bodies are named as they were when the meeting was held.
  const day = options.date ?? options.meetingDate ?? paper?.issuedOn ?? todayInVietnam();
  const heading = await provinceHeading(db, options.provinceId, day);
  let q = db
    .selectFrom("directives as d")
    .select(["d.id", "d.ordinal", "d.content", "d.lead_unit_id", "d.deadline_kind", "d.deadline_value", "d.position", "d.paper_id"])
    .where("d.province_id", "=", options.provinceId)
    .where("d.parent_id", "is", null);
  if (options.directiveIds?.length) q = q.where("d.id", "in", options.directiveIds);
  else if (options.paperId) q = q.where("d.paper_id", "=", options.paperId);
  else q = q.where(({ lit }) => lit(false));
  const tracked = await q.execute();
  if (options.directiveIds?.length && tracked.length !== new Set(options.directiveIds).size) throw notFound("Không tìm thấy một số nhiệm vụ đã chọn.");
  let items: ConclusionItem[];
  if (tracked.length) {
    const ids = tracked.map((d) => d.id);
    const partners = await db
      .selectFrom("directive_partners")
      .select(["directive_id", "unit_id"])
      .where("province_id", "=", options.provinceId)
      .where("directive_id", "in", ids)
      .where("valid_to", "is", null)
      .execute();
    await fillMissingUnits(db, heading, [...tracked.map((d) => d.lead_unit_id), ...partners.map((x) => x.unit_id)]);
    const name = (id: string) => heading.units.get(id)?.name ?? "";
    const order = options.directiveIds?.length ? new Map(options.directiveIds.map((id, k) => [id, k])) : null;
    tracked.sort((a, b) => (order ? order.get(a.id)! - order.get(b.id)! : a.position - b.position || ordinalCompare(a.ordinal, b.ordinal) || a.id.localeCompare(b.id)));
    items = tracked.map((d) => ({
      id: d.id,
      ordinal: d.ordinal,
      content: d.content,
      leads: [name(d.lead_unit_id)],
      partners: partners
        .filter((x) => x.directive_id === d.id)
        .map((x) => name(x.unit_id))
        .sort(viCollator.compare),
      deadline: { kind: d.deadline_kind as DeadlineKind, value: d.deadline_value },
      deadlineText: null,
    }));
  } else if (options.paperId) {
    // A confirmed paper whose items are not tracked yet: its items as the office confirmed them.
    const rows = await db
      .selectFrom("paper_directives")
      .select(["id", "ordinal", "text", "leads", "partners", "deadline", "deadline_text", "position"])
      .where("province_id", "=", options.provinceId)
      .where("paper_id", "=", options.paperId)
      .orderBy("position")
      .execute();
    const names = (list: NamedBody[]) => list.map((b) => b.name).filter(Boolean);
    items = rows.map((r) => ({
      id: r.id,
      ordinal: r.ordinal,
      content: r.text,
      leads: names(r.leads as NamedBody[]),
      partners: names(r.partners as NamedBody[]),
      deadline: r.deadline ? { kind: "date", value: r.deadline } : { kind: "none", value: null },
      deadlineText: r.deadline_text,
    }));
  } else items = [];
  const subject =
    options.subject?.trim() ||
    (paper?.title ? paper.title.replace(/^thông báo\s*/i, "").replace(/^./, (c) => c.toLocaleUpperCase("vi")) : "Kết luận, chỉ đạo của Thường trực Tỉnh ủy");
  const meetingDate = options.meetingDate ?? paper?.issuedOn ?? null;
  return {
    issuer: heading.issuer,
    place: heading.place,
    paper,
    items,
    subject,
    meetingDate,
    date: options.date ?? null,
    fingerprint: fingerprint({ items, subject, meetingDate }),
  };
}

function ordinalCompare(a: string | null, b: string | null): number {
  const pa = (a ?? "").split(".").map(Number);
  const pb = (b ?? "").split(".").map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (d) return d;
  }
  return 0;
}

const sentence = (s: string) => {
  const t = s.trim().replace(/[.;,:\s]+$/, "");
  return t ? `${t.charAt(0).toLocaleUpperCase("vi")}${t.slice(1)}.` : "";
};

/**
 * The assignment sentence of an item: "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ thực hiện;
 * hoàn thành trước ngày 31/10/2024." An item whose text already assigns the work (as a paper's
 * items do: "… chủ trì, phối hợp …") gets only its deadline, when the text has none.
 */
export function assignmentSentence(item: ConclusionItem): string {
  const leads = item.leads.filter(Boolean);
  if (/chủ trì|chịu trách nhiệm|giao cho|giao\s+(ban|sở|đảng|ủy|văn phòng)/iu.test(item.content)) {
    if (/trước ngày|thời hạn|trong (tháng|quý|năm)|hoàn thành (trước|trong)|thường xuyên/iu.test(item.content)) return "";
    const when = deadlinePhrase(item.deadline, item.deadlineText);
    return when ? sentence(`Thời hạn: ${when}`) : "";
  }
  if (!leads.length) return "";
  const who = leads.join(", ");
  const withPartners = item.partners.length ? `${who} chủ trì, phối hợp với ${item.partners.join(", ")} thực hiện` : `Giao ${who} chủ trì thực hiện`;
  const when = deadlinePhrase(item.deadline, item.deadlineText);
  return sentence(when ? `${withPartners}; ${when}` : withPartners);
}

export function buildConclusionDocument(data: ConclusionData): PartyDocument {
  const body: Block[] = [
    p(
      data.meetingDate ? `Ngày ${formatDate(data.meetingDate)}, ` : "Ngày …, ",
      i("(Thường trực Tỉnh ủy / Ban Thường vụ Tỉnh ủy)"),
      " đã ",
      i("(họp, làm việc với …)"),
      " để ",
      i("(nội dung cuộc họp)"),
      ". Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, đồng chí ",
      i("(họ tên, chức vụ người chủ trì)"),
      " kết luận, chỉ đạo. Văn phòng Tỉnh ủy thông báo ý kiến kết luận, chỉ đạo như sau:",
    ),
  ];
  if (!data.items.length) body.push(p(i("(Chưa có nhiệm vụ nào được chọn.)")));
  data.items.forEach((item, k) => {
    const number = `${k + 1}. `;
    const assign = assignmentSentence(item);
    body.push(p(number, sentence(item.content), assign ? ` ${assign}` : ""));
  });
  const due = data.items.map((x) => lastDay(x.deadline)).filter((d): d is string => !!d);
  if (data.items.length) {
    body.push(
      p(
        `Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện về Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) theo thời hạn nêu trên${due.length ? "" : ""}; Văn phòng Tỉnh ủy theo dõi, đôn đốc và tổng hợp, báo cáo Thường trực Tỉnh ủy.`,
      ),
    );
  }
  body.push({ ...p("Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện."), keepNext: true });
  const bodies = [...new Set(data.items.flatMap((x) => [...x.leads, ...x.partners]).filter(Boolean))].sort(viCollator.compare);
  const recipients = ["Thường trực Tỉnh ủy (b/c),", "Các đ/c UV Ban Thường vụ Tỉnh ủy,", ...bodies.map((b) => `${b},`), "Lưu Văn phòng Tỉnh ủy."];
  return {
    issuer: { name: data.issuer },
    number: null,
    symbol: "TB/TU",
    draft: true,
    place: data.place,
    date: data.date,
    year: Number((data.date ?? data.meetingDate ?? todayInVietnam()).slice(0, 4)),
    kind: "THÔNG BÁO",
    subject: [data.subject],
    body,
    recipients,
    signature: { authority: "T/L BAN THƯỜNG VỤ", position: "CHÁNH VĂN PHÒNG", name: null },
    properties: {
      title: `Thông báo ${data.subject.charAt(0).toLocaleLowerCase("vi")}${data.subject.slice(1)}`,
      subject: `Dự thảo từ ${data.items.length} nhiệm vụ${data.paper?.symbol ? ` của văn bản số ${data.paper.symbol}` : ""}; mã kiểm tra ${data.fingerprint}`,
      creator: "dondoc",
      created: new Date(`${data.date ?? data.meetingDate ?? "2000-01-01"}T00:00:00+07:00`),
    },
  };
}

export function conclusionFileName(data: ConclusionData, ext: string): string {
  return `Dự thảo thông báo kết luận${data.paper?.symbol ? ` (theo ${data.paper.symbol.replace(/\//g, "-")})` : ""}.${ext}`;
}
