import type { Selectable } from "kysely";
import type { PaperDetail, PaperList, PaperSummary } from "../../domain/api/papers.ts";
import { todayInVietnam } from "../../domain/format.ts";
import {
  type Classification,
  type DirectiveItem,
  type FactItem,
  kindOfSymbol,
  type NamedBody,
  type PaperItems,
  type PaperMeta,
  type PaperStatus,
  type ReferenceItem,
  symbolKey,
} from "../../domain/papers.ts";
import type { Queryable, Tx } from "../db/schema.ts";
import { HttpError, notFound, staleEdit } from "../http/errors.ts";
import { newId } from "../ids.ts";
import { unitNamesOn } from "../units/queries.ts";
import { emptyItems, searchKey, searchNeedle } from "./draft.ts";
import type { PapersTable } from "./tables.ts";

// SQL of the papers feature. A paper under review keeps its items in `papers.draft`;
// confirming writes them to paper_directives / paper_facts / paper_references (with
// their positions and spans) and links references to stored papers. A confirmed
// paper is final: its rows are what tracked directives are made from.

export type PaperRow = Selectable<PapersTable>;

/** Who reads: unit roles see the papers circulated to every unit, not the register of classified ones. */
export interface ReadAccess {
  classified: boolean;
}

export function summaryOf(row: Pick<PaperRow, "id" | "kind" | "symbol" | "issued_on" | "title" | "issuer" | "classification" | "status">): PaperSummary {
  return {
    id: row.id,
    kind: row.kind,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    title: row.title,
    issuer: row.issuer,
    classification: row.classification as Classification,
    status: row.status as PaperStatus,
  };
}

export function metaOf(row: PaperRow): PaperMeta {
  return {
    kind: row.kind,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    title: row.title,
    issuer: row.issuer,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    recipients: row.recipients,
  };
}

/** A document number as it is stored: normalised spaces, no leading "Số". */
export function cleanSymbol(symbol: string | null | undefined): string | null {
  if (!symbol) return null;
  const s = symbol.replace(/^\s*số\s*/iu, "").replace(/\s+/g, " ").replace(/\s*([-/])\s*/g, "$1").trim();
  return s || null;
}

export function paperSearchKey(meta: Pick<PaperMeta, "symbol" | "title" | "issuer">): string {
  return searchKey([meta.symbol, meta.title, meta.issuer]);
}

export async function findPaper(db: Queryable, provinceId: number, id: string, access: ReadAccess, forUpdate = false): Promise<PaperRow> {
  let q = db.selectFrom("papers").selectAll().where("province_id", "=", provinceId).where("id", "=", id);
  if (!access.classified) q = q.where("classification", "=", "none");
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("Không tìm thấy văn bản.");
  return row;
}

// ---------------------------------------------------------------------------
// Items

function namedBodies(value: unknown): NamedBody[] {
  return Array.isArray(value) ? (value as NamedBody[]) : [];
}

function spanOf(start: number | null, end: number | null) {
  return start === null || end === null ? null : { start, end };
}

/** The items of a paper: the draft under review, the confirmed rows afterwards. */
export async function paperItems(db: Queryable, row: PaperRow): Promise<PaperItems> {
  if (row.status === "review" || (row.status === "archived" && !row.confirmed_at)) {
    const d = (typeof row.draft === "string" ? JSON.parse(row.draft) : row.draft) as PaperItems | null;
    return d ? { directives: d.directives ?? [], facts: d.facts ?? [], references: d.references ?? [] } : emptyItems();
  }
  const p = row.province_id;
  const [directives, facts, references] = await Promise.all([
    db.selectFrom("paper_directives").selectAll().where("province_id", "=", p).where("paper_id", "=", row.id).orderBy("position").execute(),
    db.selectFrom("paper_facts").selectAll().where("province_id", "=", p).where("paper_id", "=", row.id).orderBy("position").execute(),
    db.selectFrom("paper_references").selectAll().where("province_id", "=", p).where("paper_id", "=", row.id).orderBy("position").execute(),
  ]);
  return {
    directives: directives.map(
      (d): DirectiveItem => ({
        key: d.id,
        ordinal: d.ordinal,
        text: d.text,
        leads: namedBodies(d.leads),
        partners: namedBodies(d.partners),
        deadline: d.deadline,
        deadlineText: d.deadline_text,
        span: spanOf(d.span_start, d.span_end),
      }),
    ),
    facts: facts.map(
      (f): FactItem => ({
        key: f.id,
        label: f.label,
        value: f.value,
        unit: f.unit,
        planPercent: f.plan_percent,
        changePercent: f.change_percent,
        period: f.period,
        text: f.text,
        span: spanOf(f.span_start, f.span_end),
      }),
    ),
    references: references.map(
      (r): ReferenceItem => ({
        key: r.id,
        symbol: r.symbol,
        kind: r.kind,
        date: r.cited_on,
        issuer: r.issuer,
        text: r.text,
        citedPaperId: r.cited_paper_id,
        linkManual: true,
        span: spanOf(r.span_start, r.span_end),
      }),
    ),
  };
}

function counts(items: PaperItems) {
  return { directives: items.directives.length, facts: items.facts.length, references: items.references.length };
}

// ---------------------------------------------------------------------------
// Linking references to stored papers

interface Candidate {
  id: string;
  issuedOn: string | null;
  createdAt: Date;
}

/**
 * The stored paper a citation means. Party numbering restarts each term, so when
 * several papers share the number the citation's date decides; without a date, the
 * latest paper issued on or before the citing paper.
 */
export function pickCited(candidates: Candidate[], citedOn: string | null, citingOn: string | null): string | null {
  if (!candidates.length) return null;
  if (citedOn) {
    const same = candidates.filter((c) => c.issuedOn === citedOn);
    if (same.length) return same.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!.id;
    const undated = candidates.filter((c) => !c.issuedOn);
    return candidates.length === 1 && undated.length === 1 ? undated[0]!.id : null;
  }
  if (candidates.length === 1) return candidates[0]!.id;
  const before = candidates.filter((c) => c.issuedOn && (!citingOn || c.issuedOn <= citingOn));
  if (!before.length) return null;
  return before.sort((a, b) => (a.issuedOn! < b.issuedOn! ? 1 : a.issuedOn! > b.issuedOn! ? -1 : 0))[0]!.id;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Stored papers (not archived) whose number is `symbol`, other than `exceptId`. */
async function papersWithSymbol(db: Queryable, provinceId: number, symbol: string, exceptId: string | null): Promise<Candidate[]> {
  const k = symbolKey(symbol);
  if (!k) return [];
  const needle = searchNeedle(cleanSymbol(symbol) ?? symbol);
  let q = db
    .selectFrom("papers")
    .select(["id", "symbol", "issued_on", "created_at"])
    .where("province_id", "=", provinceId)
    .where("status", "!=", "archived")
    .where("symbol", "is not", null)
    .where("search", "like", `%${escapeLike(needle)}%`);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const rows = await q.execute();
  return rows.filter((r) => symbolKey(r.symbol) === k).map((r) => ({ id: r.id, issuedOn: r.issued_on, createdAt: r.created_at }));
}

/** Fills in the link of every reference the office did not link by hand. */
export async function resolveLinks(db: Queryable, provinceId: number, paperId: string | null, citingOn: string | null, refs: ReferenceItem[]): Promise<ReferenceItem[]> {
  const cache = new Map<string, Candidate[]>();
  const out: ReferenceItem[] = [];
  for (const r of refs) {
    if (r.linkManual || !r.symbol) {
      out.push(r);
      continue;
    }
    const k = symbolKey(r.symbol)!;
    let cands = cache.get(k);
    if (!cands) cache.set(k, (cands = await papersWithSymbol(db, provinceId, r.symbol, paperId)));
    out.push({ ...r, citedPaperId: pickCited(cands, r.date, citingOn) });
  }
  return out;
}

/** Links the references of other papers that cite `paper` and were not linked yet. Returns how many. */
export async function linkCitingPapers(tx: Tx, paper: PaperRow): Promise<number> {
  const k = symbolKey(paper.symbol);
  if (!k) return 0;
  const digits = /\d+/.exec(k)?.[0];
  let q = tx
    .selectFrom("paper_references as r")
    .innerJoin("papers as p", (j) => j.onRef("p.province_id", "=", "r.province_id").onRef("p.id", "=", "r.paper_id"))
    .select(["r.id", "r.symbol", "r.cited_on", "p.issued_on as citing_on"])
    .where("r.province_id", "=", paper.province_id)
    .where("r.cited_paper_id", "is", null)
    .where("r.symbol", "is not", null)
    .where("r.paper_id", "!=", paper.id);
  if (digits) q = q.where("r.symbol", "like", `%${digits}%`);
  const refs = (await q.execute()).filter((r) => symbolKey(r.symbol) === k);
  if (!refs.length) return 0;
  const candidates = await papersWithSymbol(tx, paper.province_id, paper.symbol!, null);
  let linked = 0;
  for (const r of refs) {
    if (pickCited(candidates, r.cited_on, r.citing_on) !== paper.id) continue;
    await tx.updateTable("paper_references").set({ cited_paper_id: paper.id }).where("province_id", "=", paper.province_id).where("id", "=", r.id).execute();
    linked++;
  }
  return linked;
}

// ---------------------------------------------------------------------------
// Reading

export function unitsDateOf(row: Pick<PaperRow, "issued_on" | "created_at">): string {
  return row.issued_on ?? todayInVietnam(row.created_at);
}

export async function paperDetail(db: Queryable, provinceId: number, id: string, access: ReadAccess): Promise<PaperDetail> {
  const row = await findPaper(db, provinceId, id, access);
  let items = await paperItems(db, row);
  if (row.status === "review") items = { ...items, references: await resolveLinks(db, provinceId, row.id, row.issued_on, items.references) };
  const asOf = unitsDateOf(row);
  const unitIds = new Set<string>();
  for (const d of items.directives) for (const b of [...d.leads, ...d.partners]) if (b.unitId) unitIds.add(b.unitId);
  // A unit no longer (or not yet) valid on the paper's date is called by its name nearest that date.
  const units: Record<string, string> = Object.fromEntries(await unitNamesOn(db, provinceId, unitIds, asOf));
  const linkedIds = [...new Set(items.references.map((r) => r.citedPaperId).filter((x): x is string => !!x))];
  const linkedRows = linkedIds.length
    ? await db.selectFrom("papers").selectAll().where("province_id", "=", provinceId).where("id", "in", linkedIds).execute()
    : [];
  const citedByRows = await db
    .selectFrom("paper_references as r")
    .innerJoin("papers as p", (j) => j.onRef("p.province_id", "=", "r.province_id").onRef("p.id", "=", "r.paper_id"))
    .select(["p.id", "p.kind", "p.symbol", "p.issued_on", "p.title", "p.issuer", "p.classification", "p.status"])
    .distinct()
    .where("r.province_id", "=", provinceId)
    .where("r.cited_paper_id", "=", row.id)
    .where("p.status", "!=", "archived")
    .execute();
  return {
    id: row.id,
    ...metaOf(row),
    classification: row.classification as Classification,
    status: row.status as PaperStatus,
    fileName: row.file_name,
    hasFile: !!row.file_id,
    text: row.text,
    warnings: row.warnings ?? [],
    items,
    unitsAsOf: asOf,
    units,
    // A classified paper a reader may not see is not named to them.
    linkedPapers: linkedRows.filter((p) => access.classified || p.classification === "none").map(summaryOf),
    citedBy: citedByRows.filter((p) => access.classified || p.classification === "none").map(summaryOf),
    createdAt: row.created_at.toISOString(),
    confirmedAt: row.confirmed_at ? row.confirmed_at.toISOString() : null,
    version: row.version,
  };
}

export interface ListFilter {
  q?: string;
  kind?: string;
  status?: PaperStatus | "active";
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listPapers(db: Queryable, provinceId: number, f: ListFilter, access: ReadAccess): Promise<PaperList> {
  let q = db.selectFrom("papers").where("province_id", "=", provinceId);
  if (!access.classified) q = q.where("classification", "=", "none");
  if (f.q) {
    for (const word of searchNeedle(f.q).split(" ").filter(Boolean)) q = q.where("search", "like", `%${escapeLike(word)}%`);
  }
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (f.status === "active") q = q.where("status", "!=", "archived");
  else if (f.status) q = q.where("status", "=", f.status);
  if (f.from) q = q.where("issued_on", ">=", f.from);
  if (f.to) q = q.where("issued_on", "<=", f.to);
  const total = Number((await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      "id",
      "kind",
      "symbol",
      "issued_on",
      "title",
      "issuer",
      "classification",
      "status",
      "file_name",
      "created_at",
      "confirmed_at",
      "confirmed_at",
    ])
    .select((eb) => [
      eb.selectFrom("paper_directives as d").select((e) => e.fn.countAll<string>().as("n")).whereRef("d.province_id", "=", "papers.province_id").whereRef("d.paper_id", "=", "papers.id").as("nd"),
      eb.selectFrom("paper_facts as f").select((e) => e.fn.countAll<string>().as("n")).whereRef("f.province_id", "=", "papers.province_id").whereRef("f.paper_id", "=", "papers.id").as("nf"),
      eb.selectFrom("paper_references as r").select((e) => e.fn.countAll<string>().as("n")).whereRef("r.province_id", "=", "papers.province_id").whereRef("r.paper_id", "=", "papers.id").as("nr"),
    ])
    .select("draft")
    .orderBy("issued_on", (o) => o.desc().nullsLast())
    .orderBy("created_at", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total,
    papers: rows.map((r) => {
      const draft = (typeof r.draft === "string" ? JSON.parse(r.draft) : r.draft) as PaperItems | null;
      const c = r.confirmed_at || !draft ? { directives: Number(r.nd ?? 0), facts: Number(r.nf ?? 0), references: Number(r.nr ?? 0) } : counts(draft);
      return {
        ...summaryOf(r),
        fileName: r.file_name,
        counts: c,
        createdAt: r.created_at.toISOString(),
        confirmedAt: r.confirmed_at ? r.confirmed_at.toISOString() : null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Writing. Each takes an open transaction; the caller audits.

export interface NewPaper {
  meta: PaperMeta;
  classification: Classification;
  fileId: string | null;
  fileName: string | null;
  text: string | null;
  extraction: unknown;
  warnings: string[];
  items: PaperItems | null;
  status: PaperStatus;
  createdBy: string | null;
}

export async function insertPaper(tx: Tx, provinceId: number, p: NewPaper): Promise<PaperRow> {
  const classified = p.classification !== "none";
  if (classified && (p.fileId || p.text || p.extraction)) throw new Error("a classified paper is registered without file, text or extraction");
  const symbol = cleanSymbol(p.meta.symbol);
  const now = new Date();
  return tx
    .insertInto("papers")
    .values({
      province_id: provinceId,
      id: newId(),
      kind: p.meta.kind ?? kindOfSymbol(symbol),
      symbol,
      issued_on: p.meta.issuedOn,
      title: p.meta.title,
      issuer: p.meta.issuer,
      signer_name: p.meta.signerName,
      signer_position: p.meta.signerPosition,
      classification: p.classification,
      recipients: p.meta.recipients,
      file_id: p.fileId,
      file_name: p.fileName,
      text: p.text,
      extraction: p.extraction === null || p.extraction === undefined ? null : JSON.stringify(p.extraction),
      draft: p.items ? JSON.stringify(p.items) : null,
      search: paperSearchKey({ ...p.meta, symbol }),
      warnings: p.warnings,
      status: p.status,
      created_by: p.createdBy,
      created_at: now,
      updated_at: now,
      confirmed_by: p.status === "confirmed" ? p.createdBy : null,
      confirmed_at: p.status === "confirmed" ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function lockForChange(tx: Tx, provinceId: number, id: string, version: number, wanted: PaperStatus[]): Promise<PaperRow> {
  const row = await findPaper(tx, provinceId, id, { classified: true }, true);
  if (row.version !== version) throw staleEdit(await paperDetail(tx, provinceId, id, { classified: true }));
  if (!wanted.includes(row.status as PaperStatus)) {
    const msg =
      row.status === "confirmed"
        ? "Văn bản đã được xác nhận; không sửa được nữa."
        : row.status === "archived"
          ? "Văn bản đã được lưu trữ."
          : "Văn bản đang chờ rà soát.";
    throw new HttpError(409, "wrong_status", msg);
  }
  return row;
}

async function assertUnitsExist(tx: Tx, provinceId: number, items: PaperItems): Promise<void> {
  const ids = new Set<string>();
  for (const d of items.directives) for (const b of [...d.leads, ...d.partners]) if (b.unitId) ids.add(b.unitId);
  if (!ids.size) return;
  const found = await tx.selectFrom("units").select("id").where("province_id", "=", provinceId).where("id", "in", [...ids]).execute();
  if (found.length !== ids.size) throw new HttpError(400, "unknown_unit", "Có cơ quan được chọn không thuộc cây tổ chức của tỉnh.");
}

async function assertPapersExist(tx: Tx, provinceId: number, selfId: string, items: PaperItems): Promise<void> {
  const ids = new Set(items.references.map((r) => r.citedPaperId).filter((x): x is string => !!x));
  if (ids.has(selfId)) throw new HttpError(400, "self_reference", "Một văn bản không thể dẫn chiếu chính nó.");
  if (!ids.size) return;
  const found = await tx.selectFrom("papers").select("id").where("province_id", "=", provinceId).where("id", "in", [...ids]).execute();
  if (found.length !== ids.size) throw new HttpError(400, "unknown_paper", "Văn bản được liên kết không tồn tại.");
}

function assertSpans(text: string | null, items: PaperItems): void {
  const len = text?.length ?? 0;
  for (const list of [items.directives, items.facts, items.references] as Array<Array<{ span: { start: number; end: number } | null }>>) {
    for (const i of list) {
      if (i.span && (!text || i.span.end > len)) throw new HttpError(400, "bad_span", "Vị trí của một mục nằm ngoài nội dung văn bản.");
    }
  }
}

function uniqueKeys(items: PaperItems): void {
  for (const list of [items.directives, items.facts, items.references] as Array<Array<{ key: string }>>) {
    if (new Set(list.map((i) => i.key)).size !== list.length) throw new HttpError(400, "duplicate_key", "Danh sách có hai mục trùng mã.");
  }
}

/** The paper's columns that hold its particulars, from what the office entered. */
function metaColumns(meta: PaperMeta) {
  const symbol = cleanSymbol(meta.symbol);
  return {
    kind: meta.kind ?? kindOfSymbol(symbol),
    symbol,
    issued_on: meta.issuedOn,
    title: meta.title,
    issuer: meta.issuer,
    signer_name: meta.signerName,
    signer_position: meta.signerPosition,
    recipients: meta.recipients,
    search: paperSearchKey({ ...meta, symbol }),
  };
}

export async function saveReview(
  tx: Tx,
  provinceId: number,
  id: string,
  version: number,
  meta: PaperMeta,
  items: PaperItems,
): Promise<{ before: { meta: PaperMeta; items: PaperItems }; after: { meta: PaperMeta; items: PaperItems } }> {
  const row = await lockForChange(tx, provinceId, id, version, ["review"]);
  const classified = row.classification !== "none";
  if (classified && (items.directives.length || items.facts.length || items.references.length)) {
    throw new HttpError(400, "classified_content", "Văn bản mật chỉ được đăng ký số, ngày, trích yếu và nơi nhận; không ghi nội dung.");
  }
  uniqueKeys(items);
  assertSpans(row.text, items);
  await assertUnitsExist(tx, provinceId, items);
  await assertPapersExist(tx, provinceId, id, items);
  const before = { meta: metaOf(row), items: await paperItems(tx, row) };
  const clean: PaperItems = {
    ...items,
    references: items.references.map((r) => ({ ...r, symbol: cleanSymbol(r.symbol), citedPaperId: r.linkManual ? r.citedPaperId : null })),
  };
  await tx
    .updateTable("papers")
    .set({ ...metaColumns(meta), draft: JSON.stringify(clean), updated_at: new Date(), version: row.version + 1 })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .execute();
  return { before, after: { meta: { ...meta, symbol: cleanSymbol(meta.symbol) }, items: clean } };
}

/**
 * Corrects the particulars of a confirmed or archived paper (number, date, title, issuer, signer,
 * recipients). Its items stay as confirmed: they are followed up where they were assigned. Papers
 * that cite the corrected number and date are linked to it, as on confirmation.
 */
export async function correctPaper(tx: Tx, provinceId: number, id: string, version: number, meta: PaperMeta): Promise<{ before: PaperMeta; after: PaperMeta; citedBy: number }> {
  const row = await lockForChange(tx, provinceId, id, version, ["confirmed", "archived"]);
  const updated = await tx
    .updateTable("papers")
    .set({ ...metaColumns(meta), updated_at: new Date(), version: row.version + 1 })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const citedBy = updated.status === "confirmed" ? await linkCitingPapers(tx, updated) : 0;
  return { before: metaOf(row), after: metaOf(updated), citedBy };
}

export async function confirmPaper(tx: Tx, provinceId: number, id: string, version: number, userId: string | null) {
  const row = await lockForChange(tx, provinceId, id, version, ["review"]);
  const draft = await paperItems(tx, row);
  const references = await resolveLinks(tx, provinceId, id, row.issued_on, draft.references);
  const p = provinceId;
  if (draft.directives.length) {
    await tx
      .insertInto("paper_directives")
      .values(
        draft.directives.map((d, position) => ({
          province_id: p,
          paper_id: id,
          id: newId(),
          position,
          ordinal: d.ordinal,
          text: d.text,
          leads: JSON.stringify(d.leads),
          partners: JSON.stringify(d.partners),
          deadline: d.deadline,
          deadline_text: d.deadlineText,
          span_start: d.span?.start ?? null,
          span_end: d.span?.end ?? null,
        })),
      )
      .execute();
  }
  if (draft.facts.length) {
    await tx
      .insertInto("paper_facts")
      .values(
        draft.facts.map((f, position) => ({
          province_id: p,
          paper_id: id,
          id: newId(),
          position,
          label: f.label,
          value: f.value,
          unit: f.unit,
          plan_percent: f.planPercent,
          change_percent: f.changePercent,
          period: f.period,
          text: f.text,
          span_start: f.span?.start ?? null,
          span_end: f.span?.end ?? null,
        })),
      )
      .execute();
  }
  if (references.length) {
    await tx
      .insertInto("paper_references")
      .values(
        references.map((r, position) => ({
          province_id: p,
          paper_id: id,
          id: newId(),
          position,
          symbol: cleanSymbol(r.symbol),
          kind: r.kind ?? kindOfSymbol(r.symbol),
          cited_on: r.date,
          issuer: r.issuer,
          text: r.text,
          cited_paper_id: r.citedPaperId,
          span_start: r.span?.start ?? null,
          span_end: r.span?.end ?? null,
        })),
      )
      .execute();
  }
  const now = new Date();
  const updated = await tx
    .updateTable("papers")
    .set({ status: "confirmed", draft: null, confirmed_by: userId, confirmed_at: now, updated_at: now, version: row.version + 1 })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const citedBy = await linkCitingPapers(tx, updated);
  return {
    row: updated,
    counts: counts(draft),
    linked: references.filter((r) => r.citedPaperId).map((r) => ({ symbol: r.symbol, paperId: r.citedPaperId })),
    citedBy,
  };
}

export async function archivePaper(tx: Tx, provinceId: number, id: string, version: number): Promise<{ before: PaperStatus; row: PaperRow }> {
  const row = await lockForChange(tx, provinceId, id, version, ["review", "confirmed"]);
  const updated = await tx
    .updateTable("papers")
    .set({ status: "archived", updated_at: new Date(), version: row.version + 1 })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: row.status as PaperStatus, row: updated };
}

export async function restorePaper(tx: Tx, provinceId: number, id: string, version: number): Promise<PaperRow> {
  const row = await lockForChange(tx, provinceId, id, version, ["archived"]);
  return tx
    .updateTable("papers")
    .set({ status: row.confirmed_at ? "confirmed" : "review", updated_at: new Date(), version: row.version + 1 })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A paper found to be classified after it was uploaded: its file, text, extraction and
 * draft are removed for good (the law does not allow keeping them); the registration stays.
 */
export async function classifyPaper(
  tx: Tx,
  provinceId: number,
  id: string,
  version: number,
  level: Exclude<Classification, "none">,
): Promise<{ removedFileId: string | null; fileName: string | null }> {
  const row = await lockForChange(tx, provinceId, id, version, ["review"]);
  if (row.classification !== "none") throw new HttpError(409, "already_classified", "Văn bản đã được đăng ký là văn bản mật.");
  await tx
    .updateTable("papers")
    .set({
      classification: level,
      file_id: null,
      file_name: null,
      text: null,
      extraction: null,
      warnings: [],
      draft: JSON.stringify(emptyItems()),
      signer_name: null,
      signer_position: null,
      issuer: null,
      search: paperSearchKey({ symbol: row.symbol, title: row.title, issuer: null }),
      updated_at: new Date(),
      version: row.version + 1,
    })
    .where("province_id", "=", provinceId)
    .where("id", "=", id)
    .execute();
  if (row.file_id) {
    // The only hard delete of the application: content that may not be kept on this computer.
    const stillUsed = await tx.selectFrom("papers").select("id").where("province_id", "=", provinceId).where("file_id", "=", row.file_id).executeTakeFirst();
    if (!stillUsed) await tx.deleteFrom("files").where("province_id", "=", provinceId).where("id", "=", row.file_id).execute();
  }
  return { removedFileId: row.file_id, fileName: row.file_name };
}

/** Papers already stored from the same bytes, to warn about a second upload. */
export async function papersWithFileHash(db: Queryable, provinceId: number, sha256: string): Promise<PaperSummary[]> {
  const rows = await db
    .selectFrom("papers as p")
    .innerJoin("files as f", (j) => j.onRef("f.province_id", "=", "p.province_id").onRef("f.id", "=", "p.file_id"))
    .select(["p.id", "p.kind", "p.symbol", "p.issued_on", "p.title", "p.issuer", "p.classification", "p.status"])
    .where("p.province_id", "=", provinceId)
    .where("f.sha256", "=", sha256)
    .where("p.status", "!=", "archived")
    .execute();
  return rows.map(summaryOf);
}
