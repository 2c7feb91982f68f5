import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestProvince, testDatabase } from "../../../test/support/db.ts";
import { createTestUser, signedInClient, type TestClient, testApp, uniqueName } from "../../../test/support/http.ts";
import { createApp } from "../app.ts";
import { verifyAudit } from "../audit/audit.ts";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/schema.ts";

// Papers in, structure out: upload → stored with text and metadata → reviewed →
// confirmed, with references linked to stored papers. Classified papers are registered
// without content; bad files are refused in Vietnamese and leave nothing behind.

const ROOT = resolve(import.meta.dirname, "../../..");
const SEEDS = resolve(ROOT, "../shared/seeds");
const GOLD = join(ROOT, "test/fixtures/gold");
const TREE = join(ROOT, "src/server/demo/data/can-tho.units.json");

/** A quarter work programme of our own, citing a rule and a plan by number and date. */
const PROGRAMME = [
  "TỈNH ỦY HẬU GIANG                             ĐẢNG CỘNG SẢN VIỆT NAM",
  "*",
  "Số 212-CTr/TU                         Hậu Giang, ngày 03 tháng 10 năm 2024",
  "",
  "CHƯƠNG TRÌNH",
  "công tác quý IV năm 2024 của Tỉnh ủy",
  "-----",
  "",
  "Tỉnh ủy Hậu Giang ban hành Chương trình công tác quý IV năm 2024 như sau:",
  "",
  "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính đôn đốc giải ngân vốn đầu tư công. Thời hạn: trong quý IV/2024.",
  "",
  "2. Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ban Dân vận Tỉnh ủy vận động người dân theo Quy chế số 20-QC/TU ngày 18/4/2023 của Ban Thường vụ Tỉnh ủy. Hoàn thành trong tháng 11/2024.",
  "",
  "3. Ban Dân vận Tỉnh ủy chủ trì tổ chức đối thoại với Nhân dân theo Kế hoạch số 238-KH/TU ngày 17/01/2024 của Ban Thường vụ Tỉnh ủy. Thời hạn: trong tháng 11/2024.",
  "",
  "Nơi nhận:                                                       T/M TỈNH ỦY",
  "- Văn phòng Trung ương Đảng,                                    PHÓ BÍ THƯ",
  "- Các sở, ngành, đoàn thể tỉnh,",
  "- Lưu Văn phòng Tỉnh ủy.                                        Lâm Văn Hậu",
].join("\n");

let app: Awaited<ReturnType<typeof testApp>>["app"];
let db: Db;
let provinceId: number;
let office: TestClient;
let leader: TestClient;
let unitLeader: TestClient;
let unitStaff: TestClient;
let unitIdByCode: Map<string, string>;

function form(name: string, bytes: Uint8Array | string, type = ""): FormData {
  const f = new FormData();
  f.set("file", new File([typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes], name, { type }));
  return f;
}

async function upload(client: TestClient, name: string, bytes: Uint8Array | string) {
  return client.request("POST", "/api/papers", form(name, bytes));
}

async function uploadOk(name: string, bytes: Uint8Array | string): Promise<string> {
  const res = await upload(office, name, bytes);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.paper.id;
}

async function detail(id: string, client = office) {
  const res = await client.get(`/api/papers/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The review body that saves a paper as it is (what the screen sends when nothing changed). */
function reviewBody(d: any) {
  return {
    version: d.version,
    meta: {
      kind: d.kind,
      symbol: d.symbol,
      issuedOn: d.issuedOn,
      title: d.title,
      issuer: d.issuer,
      signerName: d.signerName,
      signerPosition: d.signerPosition,
      recipients: d.recipients,
    },
    directives: d.items.directives,
    facts: d.items.facts,
    references: d.items.references,
  };
}

async function confirm(id: string) {
  const d = await detail(id);
  const res = await office.post(`/api/papers/${id}/confirm`, { version: d.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function rowCounts() {
  const papers = await db.selectFrom("papers").select((eb) => eb.fn.countAll<string>().as("n")).where("province_id", "=", provinceId).executeTakeFirstOrThrow();
  const files = await db.selectFrom("files").select((eb) => eb.fn.countAll<string>().as("n")).where("province_id", "=", provinceId).executeTakeFirstOrThrow();
  return { papers: Number(papers.n), files: Number(files.n) };
}

beforeAll(async () => {
  ({ app, db } = await testApp());
  provinceId = await createTestProvince(db, "Hậu Giang");
  const adminName = uniqueName("admin");
  await createTestUser(db, provinceId, { username: adminName, role: "admin" });
  const admin = await signedInClient(app, adminName);
  const imported = await admin.request("POST", "/api/units/import", form("can-tho.units.json", readFileSync(TREE)));
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const units = await db.selectFrom("units").select(["id", "code"]).where("province_id", "=", provinceId).execute();
  unitIdByCode = new Map(units.map((u) => [u.code, u.id]));

  const names = { office: uniqueName("vp"), leader: uniqueName("ld"), unitLeader: uniqueName("stc"), unitStaff: uniqueName("cv") };
  await createTestUser(db, provinceId, { username: names.office, role: "office", unitIds: [unitIdByCode.get("VPTU")!] });
  await createTestUser(db, provinceId, { username: names.leader, role: "leader" });
  await createTestUser(db, provinceId, { username: names.unitLeader, role: "unit_leader", unitIds: [unitIdByCode.get("SO-TC")!] });
  await createTestUser(db, provinceId, { username: names.unitStaff, role: "unit_staff", unitIds: [unitIdByCode.get("SO-TC")!] });
  office = await signedInClient(app, names.office);
  leader = await signedInClient(app, names.leader);
  unitLeader = await signedInClient(app, names.unitLeader);
  unitStaff = await signedInClient(app, names.unitStaff);
});

describe("uploading the seed papers", () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();

  it.each(seeds)("%s is stored with its text and offered for review with what was found", async (file) => {
    const bytes = readFileSync(join(SEEDS, file));
    const id = await uploadOk(file, bytes);
    const d = await detail(id);
    const gold = JSON.parse(readFileSync(join(GOLD, file.replace(/\.txt$/, ".json")), "utf8")).expected;

    expect(d.status).toBe("review");
    expect(d.classification).toBe("none");
    expect(d.hasFile).toBe(true);
    expect(d.text.length).toBeGreaterThan(1000);
    expect(d.kind).toBe(gold.document.kind);
    expect(d.issuedOn).toBe(gold.document.date);
    // The review starts from what the extractor found: about as many items as a person labelled.
    const near = (found: number, expected: number) => expect(Math.abs(found - expected), `${found} vs ${expected}`).toBeLessThanOrEqual(Math.max(1, Math.ceil(expected * 0.2)));
    near(d.items.directives.length, gold.directives.length);
    near(d.items.facts.length, gold.indicators.length);
    near(d.items.references.length, gold.references.length);
    // Every item points at its place in the stored text, for the highlights.
    for (const item of [...d.items.directives, ...d.items.facts, ...d.items.references]) {
      expect(item.span, JSON.stringify(item)).not.toBeNull();
      expect(item.span.end).toBeGreaterThan(item.span.start);
      expect(item.span.end).toBeLessThanOrEqual(d.text.length);
    }
    // The original file comes back as it was uploaded.
    const original = await office.get(`/api/papers/${id}/file`);
    expect(original.status).toBe(200);
    expect(Buffer.from(original.body as Uint8Array).equals(bytes)).toBe(true);
  });

  it("matches the bodies of a directive to the units of the paper's date", async () => {
    const id = await uploadOk("ctr-212.txt", PROGRAMME);
    const d = await detail(id);
    expect(d.symbol).toBe("212-CTr/TU");
    expect(d.issuedOn).toBe("2024-10-03");
    expect(d.recipients).toContain("Văn phòng Trung ương Đảng");
    const item = d.items.directives.find((x: any) => x.text.includes("Sở Kế hoạch và Đầu tư chủ trì"));
    expect(item, JSON.stringify(d.items.directives.map((x: any) => x.text.slice(0, 40)))).toBeTruthy();
    expect(item.leads).toContainEqual({ name: "Sở Kế hoạch và Đầu tư", unitId: unitIdByCode.get("SO-KHDT") });
    expect(item.partners.map((b: any) => b.unitId)).toContain(unitIdByCode.get("SO-TC"));
    expect(d.units[unitIdByCode.get("SO-KHDT")!]).toBe("Sở Kế hoạch và Đầu tư");
  });
});

async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (p) =>
            new Paragraph({
              alignment: /^(THÔNG BÁO|kết luận)/.test(p) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
              children: [new TextRun(p)],
            }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const NOTICE = [
  "TỈNH ỦY HẬU GIANG",
  "Số 45-TB/TU",
  "Hậu Giang, ngày 15 tháng 10 năm 2024",
  "THÔNG BÁO",
  "kết luận của Thường trực Tỉnh ủy về tiến độ giải ngân vốn đầu tư công",
  "-----",
  "Ngày 14/10/2024, Thường trực Tỉnh ủy họp nghe báo cáo tiến độ giải ngân vốn đầu tư công; Thường trực Tỉnh ủy kết luận như sau:",
  "1. Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát, điều chuyển vốn của các dự án giải ngân chậm, báo cáo Thường trực Tỉnh ủy trước ngày 30/11/2024.",
  "2. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thành giải ngân vốn đầu tư công năm 2024 trong quý IV/2024.",
  "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.",
  "Nơi nhận:",
  "- Các sở, ngành tỉnh,",
  "- Lưu Văn phòng Tỉnh ủy.",
];

describe("Word and PDF papers", () => {
  it("reads a .docx paper", async () => {
    const id = await uploadOk("thong-bao-45.docx", await makeDocx(NOTICE));
    const d = await detail(id);
    expect(d.symbol).toBe("45-TB/TU");
    expect(d.issuedOn).toBe("2024-10-15");
    expect(d.items.directives.length).toBe(2);
    const first = d.items.directives[0];
    expect(first.deadline).toBe("2024-11-30");
    expect(first.leads[0]).toEqual({ name: "Sở Tài chính", unitId: unitIdByCode.get("SO-TC") });
    expect(d.fileName).toBe("thong-bao-45.docx");
  });

  it("reads a .pdf paper", async () => {
    const pdfs = fixturePapers(".pdf");
    if (!pdfs.length) return expect.fail("no PDF fixture in test/fixtures/papers");
    const id = await uploadOk(pdfs[0]!, readFileSync(join(ROOT, "test/fixtures/papers", pdfs[0]!)));
    const d = await detail(id);
    expect(d.text.length).toBeGreaterThan(200);
    expect(d.items.directives.length + d.items.facts.length + d.items.references.length).toBeGreaterThan(0);
  });
});

function fixturePapers(ext: string): string[] {
  try {
    return readdirSync(join(ROOT, "test/fixtures/papers")).filter((f) => f.toLowerCase().endsWith(ext)).sort();
  } catch {
    return [];
  }
}

describe("files the readers refuse", () => {
  const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

  async function refused(name: string, bytes: Uint8Array | string, client = office, status = 400) {
    const before = await rowCounts();
    const res = await upload(client, name, bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.message).toMatch(VIETNAMESE);
    expect(await rowCounts()).toEqual(before);
    return res.body.error;
  }

  it("refuses a zip bomb", async () => {
    // 64 MB of zeros squeezed into a few dozen kilobytes, dressed as a Word file.
    const bomb = zipSync(
      {
        "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        "word/document.xml": new Uint8Array(64 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = await refused("bom-nen.docx", bomb);
    expect(error.code).toBe("paper_zip_bomb");
  });

  it("refuses a Word file that declares XML entities", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({
      "[Content_Types].xml": new TextEncoder().encode(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": new TextEncoder().encode(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": new TextEncoder().encode(xml),
    });
    const error = await refused("thuc-the.docx", docx);
    expect(error.code).toBe("paper_xml_entities");
  });

  it("refuses a file over the limit", async () => {
    const handle = await testDatabase();
    const small = createApp({ db: handle.db, engine: handle.engine, config: { ...loadConfig({}), runWorker: false, loadDemo: false, maxUploadBytes: 1024 * 1024 } });
    const name = uniqueName("vp-small");
    await createTestUser(db, provinceId, { username: name, role: "office" });
    const client = await signedInClient(small, name);
    const error = await refused("qua-lon.txt", "Văn bản ".repeat(150_000), client);
    expect(error.code).toBe("paper_too_large");
    expect(error.message).toMatch(/1 MB/);
  });

  it("refuses garbage bytes whatever the file is called", async () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    await refused("hong.docx", garbage);
    await refused("hong.pdf", garbage);
    await refused("hong.xyz", garbage);
    await refused("rong.txt", "");
  });

  it("answers a request without a file in Vietnamese", async () => {
    const res = await office.request("POST", "/api/papers", new FormData());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Hãy chọn tệp/);
  });
});

const CLASSIFIED = [
  "TỈNH ỦY HẬU GIANG                             ĐẢNG CỘNG SẢN VIỆT NAM",
  "*",
  "Số 77-TB/TU                          Hậu Giang, ngày 21 tháng 10 năm 2024",
  "",
  "TỐI MẬT",
  "",
  "THÔNG BÁO",
  "kết luận của Ban Thường vụ Tỉnh ủy về phương án nhân sự",
  "-----",
  "",
  "Ban Thường vụ Tỉnh ủy kết luận như sau:",
  "1. Ban Tổ chức Tỉnh ủy chủ trì chuẩn bị phương án nhân sự, hoàn thành trước ngày 30/11/2024.",
  "",
  "Nơi nhận:                                                       T/L BAN THƯỜNG VỤ",
  "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,                  CHÁNH VĂN PHÒNG",
  "- Ban Tổ chức Tỉnh ủy,",
  "- Lưu Văn phòng Tỉnh ủy.                                        Nguyễn Văn Bí Mật",
].join("\n");

describe("classified papers", () => {
  it("registers an uploaded classified paper without its file or its text", async () => {
    const before = await rowCounts();
    const res = await upload(office, "tb-77.txt", CLASSIFIED);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.notices.join(" ")).toMatch(/không được lưu/);
    const after = await rowCounts();
    expect(after).toEqual({ papers: before.papers + 1, files: before.files });

    const row = await db.selectFrom("papers").selectAll().where("province_id", "=", provinceId).where("id", "=", res.body.paper.id).executeTakeFirstOrThrow();
    expect(row.classification).toBe("Tối mật");
    expect(row.text).toBeNull();
    expect(row.file_id).toBeNull();
    expect(row.extraction).toBeNull();
    expect(row.symbol).toBe("77-TB/TU");
    expect(row.issued_on).toBe("2024-10-21");
    expect(row.title).toMatch(/phương án nhân sự/);
    expect(row.recipients).toBe(["Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Tỉnh ủy"].join("\n"));
    expect(JSON.stringify(row)).not.toMatch(/chuẩn bị phương án nhân sự, hoàn thành/);
    // Nor does the audit trail keep the content.
    const audit = await db.selectFrom("audit_log").select(["action", "after"]).where("province_id", "=", provinceId).where("object_id", "=", row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["paper.register"]);
    expect(JSON.stringify(audit)).not.toMatch(/chuẩn bị phương án nhân sự, hoàn thành/);

    // Items cannot be added to it.
    const d = await detail(row.id);
    expect(d.text).toBeNull();
    const withItem = reviewBody(d);
    withItem.directives = [{ key: "x", ordinal: "1", text: "Nội dung", leads: [], partners: [], deadline: null, deadlineText: null, span: null }];
    expect((await office.put(`/api/papers/${row.id}/review`, withItem)).status).toBe(400);

    // Unit roles do not see the register of classified papers.
    expect((await unitStaff.get(`/api/papers/${row.id}`)).status).toBe(404);
    const listed = await unitStaff.get("/api/papers?q=77-TB");
    expect(listed.body.papers.map((p: any) => p.id)).not.toContain(row.id);
    expect((await leader.get(`/api/papers/${row.id}`)).status).toBe(200);
  });

  it("registers a classified paper from the form, without uploading it", async () => {
    const res = await office.post("/api/papers/register", {
      classification: "Mật",
      symbol: "88-CV/TU",
      issuedOn: "2024-11-02",
      title: "về công tác bảo vệ bí mật nhà nước",
      recipients: "Các sở, ngành tỉnh\nLưu Văn phòng Tỉnh ủy",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.paper).toMatchObject({ classification: "Mật", status: "confirmed", kind: "CV", symbol: "88-CV/TU" });
    const d = await detail(res.body.paper.id);
    expect(d.text).toBeNull();
    expect(d.hasFile).toBe(false);
  });

  it("removes file and text of a paper the office finds to be classified after uploading it", async () => {
    const id = await uploadOk("quen-dong-dau.txt", NOTICE.join("\n").replace("45-TB/TU", "46-TB/TU"));
    const d = await detail(id);
    const before = await rowCounts();
    const res = await office.post(`/api/papers/${id}/classify`, { version: d.version, classification: "Mật" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ classification: "Mật", text: null, hasFile: false, items: { directives: [], facts: [], references: [] } });
    expect(await rowCounts()).toEqual({ papers: before.papers, files: before.files - 1 });
    expect((await office.get(`/api/papers/${id}/file`)).status).toBe(404);
  });
});

describe("reviewing and confirming", () => {
  it("answers a stale save with 409 and the current version", async () => {
    const id = await uploadOk("thong-bao-47.txt", NOTICE.join("\n").replace("45-TB/TU", "47-TB/TU"));
    const d = await detail(id);
    const body = reviewBody(d);
    body.directives[0].deadline = "2024-12-15";
    body.directives[0].deadlineText = "trước ngày 15/12/2024";
    const first = await office.put(`/api/papers/${id}/review`, body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(d.version + 1);
    expect(first.body.items.directives[0].deadline).toBe("2024-12-15");

    const stale = await office.put(`/api/papers/${id}/review`, { ...body, meta: { ...body.meta, title: "trích yếu khác" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(d.version + 1);
    expect(stale.body.error.details.current.items.directives[0].deadline).toBe("2024-12-15");
  });

  it("confirms: writes the items with positions and spans, links references to stored papers both ways", async () => {
    // A stored rule cited by the programme; its number was used in an earlier term as well.
    const older = NOTICE.join("\n").replace("Số 45-TB/TU", "Số 20-QC/TU").replace("ngày 15 tháng 10 năm 2024", "ngày 02 tháng 3 năm 2019").replace("THÔNG BÁO", "QUY CHẾ");
    const rule = NOTICE.join("\n").replace("Số 45-TB/TU", "Số 20-QC/TU").replace("ngày 15 tháng 10 năm 2024", "ngày 18 tháng 4 năm 2023").replace("THÔNG BÁO", "QUY CHẾ");
    const olderId = await uploadOk("quy-che-20-2019.txt", older);
    const ruleId = await uploadOk("quy-che-20-2023.txt", rule);
    expect((await detail(olderId)).issuedOn).toBe("2019-03-02");
    await confirm(olderId);
    await confirm(ruleId);

    const programme = PROGRAMME.replace("212-CTr/TU", "213-CTr/TU");
    const id = await uploadOk("ctr-213.txt", programme);
    const d = await detail(id);
    const cited = d.items.references.find((r: any) => r.symbol === "20-QC/TU");
    expect(cited?.citedPaperId).toBe(ruleId);
    expect(d.linkedPapers.map((p: any) => p.id)).toContain(ruleId);

    const confirmed = await confirm(id);
    expect(confirmed.status).toBe("confirmed");
    const rows = await db.selectFrom("paper_directives").selectAll().where("province_id", "=", provinceId).where("paper_id", "=", id).orderBy("position").execute();
    expect(rows.length).toBe(d.items.directives.length);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    expect(rows.every((r) => r.span_start !== null && r.span_end! > r.span_start!)).toBe(true);
    expect(confirmed.text.slice(rows[0]!.span_start!, rows[0]!.span_end!)).toContain(rows[0]!.text.slice(0, 20));
    const facts = await db.selectFrom("paper_facts").select("id").where("province_id", "=", provinceId).where("paper_id", "=", id).execute();
    expect(facts.length).toBe(d.items.facts.length);
    const refs = await db.selectFrom("paper_references").selectAll().where("province_id", "=", provinceId).where("paper_id", "=", id).execute();
    expect(refs.find((r) => r.symbol === "20-QC/TU")?.cited_paper_id).toBe(ruleId);
    // A reference to a paper not stored yet is kept unlinked …
    const plan = refs.find((r) => r.symbol === "238-KH/TU");
    expect(plan?.cited_paper_id).toBeNull();

    // … and linked when that paper is stored and confirmed later.
    const planText = NOTICE.join("\n").replace("Số 45-TB/TU", "Số 238-KH/TU").replace("ngày 15 tháng 10 năm 2024", "ngày 17 tháng 01 năm 2024").replace("THÔNG BÁO", "KẾ HOẠCH");
    const planId = await uploadOk("ke-hoach-238.txt", planText);
    const planConfirmed = await confirm(planId);
    expect(planConfirmed.citedBy.map((p: any) => p.id)).toContain(id);
    const relinked = await db.selectFrom("paper_references").select("cited_paper_id").where("province_id", "=", provinceId).where("id", "=", plan!.id).executeTakeFirstOrThrow();
    expect(relinked.cited_paper_id).toBe(planId);

    // A confirmed paper is final.
    const again = await office.put(`/api/papers/${id}/review`, reviewBody(confirmed));
    expect(again.status).toBe(409);
  });

  it("corrects a confirmed paper's number and date with a reason: items kept, the papers citing the right number linked, all audited", async () => {
    const programme = PROGRAMME.replace("212-CTr/TU", "214-CTr/TU").replace("238-KH/TU", "239-KH/TU");
    const citing = await uploadOk("ctr-214.txt", programme);
    await confirm(citing);
    // The plan was registered with a typo in its number and a wrong day.
    const planText = NOTICE.join("\n").replace("Số 45-TB/TU", "Số 293-KH/TU").replace("ngày 15 tháng 10 năm 2024", "ngày 18 tháng 01 năm 2024").replace("THÔNG BÁO", "KẾ HOẠCH");
    const planId = await uploadOk("ke-hoach-293.txt", planText);
    const confirmed = await confirm(planId);
    const meta = reviewBody(confirmed).meta;
    const body = { version: confirmed.version, meta: { ...meta, symbol: "239-KH/TU", issuedOn: "2024-01-17" }, reason: "Nhận diện sai số và ngày ban hành; sửa theo bản gốc." };

    expect((await unitLeader.put(`/api/papers/${planId}/particulars`, body)).status).toBe(403);
    const noReason = await office.put(`/api/papers/${planId}/particulars`, { ...body, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain("Hãy ghi lý do sửa.");

    const res = await office.put(`/api/papers/${planId}/particulars`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "confirmed", symbol: "239-KH/TU", issuedOn: "2024-01-17", version: confirmed.version + 1 });
    expect(res.body.items.directives).toEqual(confirmed.items.directives);
    const ref = await db
      .selectFrom("paper_references")
      .select("cited_paper_id")
      .where("province_id", "=", provinceId)
      .where("paper_id", "=", citing)
      .where("symbol", "=", "239-KH/TU")
      .executeTakeFirstOrThrow();
    expect(ref.cited_paper_id).toBe(planId);
    const audit = await db.selectFrom("audit_log").select(["before", "after", "reason"]).where("province_id", "=", provinceId).where("object_id", "=", planId).where("action", "=", "paper.amend").executeTakeFirstOrThrow();
    expect(audit.reason).toBe(body.reason);
    expect(audit.before).toMatchObject({ symbol: "293-KH/TU", issuedOn: "2024-01-18" });
    expect(audit.after).toMatchObject({ symbol: "239-KH/TU", issuedOn: "2024-01-17", citedBy: 1 });

    // An edit made on the version before the correction is refused with the current paper.
    const stale = await office.put(`/api/papers/${planId}/particulars`, { ...body, meta: { ...body.meta, title: "Ghi đè" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ symbol: "239-KH/TU" });
    // A paper still under review is corrected by its review, not here.
    const draft = await uploadOk("thong-bao-49.txt", NOTICE.join("\n").replace("45-TB/TU", "49-TB/TU"));
    const draftDetail = await detail(draft);
    const wrong = await office.put(`/api/papers/${draft}/particulars`, { version: draftDetail.version, meta: reviewBody(draftDetail).meta, reason: "thử" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe("wrong_status");
  });

  it("keeps the office's corrections: added and removed items, a unit chosen by hand", async () => {
    const id = await uploadOk("thong-bao-48.txt", NOTICE.join("\n").replace("45-TB/TU", "48-TB/TU"));
    const d = await detail(id);
    const body = reviewBody(d);
    body.directives = [
      { ...body.directives[0], leads: [{ name: "Sở Tài chính", unitId: unitIdByCode.get("SO-TC") }], partners: [] },
      { key: "moi-1", ordinal: "3", text: "Sở Xây dựng rà soát các dự án chậm tiến độ.", leads: [{ name: "Sở Xây dựng", unitId: unitIdByCode.get("SO-XD") }], partners: [], deadline: "2024-12-31", deadlineText: "trong năm 2024", span: null },
    ];
    body.facts = [{ key: "cs-1", label: "vốn đầu tư công đã giải ngân", value: 1234.5, unit: "tỷ đồng", planPercent: 61.2, changePercent: null, period: "9 tháng năm 2024", text: "", span: null }];
    const saved = await office.put(`/api/papers/${id}/review`, body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const done = await confirm(id);
    expect(done.items.directives.map((x: any) => x.ordinal)).toEqual([body.directives[0].ordinal, "3"]);
    expect(done.items.directives[1].leads).toEqual([{ name: "Sở Xây dựng", unitId: unitIdByCode.get("SO-XD") }]);
    expect(done.items.facts).toMatchObject([{ label: "vốn đầu tư công đã giải ngân", value: 1234.5, planPercent: 61.2 }]);
    expect(done.units[unitIdByCode.get("SO-XD")!]).toBe("Sở Xây dựng");

    const unknownUnit = await office.put(`/api/papers/${(await uploadOk("tb-49.txt", NOTICE.join("\n").replace("45-TB/TU", "49-TB/TU")))}/review`, {
      ...body,
      version: 1,
      directives: [{ ...body.directives[1], leads: [{ name: "Sở lạ", unitId: "0190a3a0-0000-7000-8000-000000000000" }] }],
    });
    expect(unknownUnit.status).toBe(400);
  });

  it("lists and finds papers by number and title, without diacritics too", async () => {
    const res = await office.get(`/api/papers?q=${encodeURIComponent("giai ngan von dau tu")}&status=active`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.papers.every((p: any) => /giải ngân vốn đầu tư/.test(p.title))).toBe(true);
    const bySymbol = await office.get(`/api/papers?q=${encodeURIComponent("212-ctr")}`);
    expect(bySymbol.body.papers.map((p: any) => p.symbol)).toContain("212-CTr/TU");
    const byKind = await office.get("/api/papers?kind=QC");
    expect(byKind.body.papers.length).toBeGreaterThanOrEqual(2);
    expect(byKind.body.papers.every((p: any) => p.kind === "QC")).toBe(true);
    const byDate = await office.get("/api/papers?from=2023-01-01&to=2023-12-31");
    expect(byDate.body.papers.every((p: any) => p.issuedOn >= "2023-01-01" && p.issuedOn <= "2023-12-31")).toBe(true);
  });

  it("archives and restores without deleting anything", async () => {
    const id = await uploadOk("tb-50.txt", NOTICE.join("\n").replace("45-TB/TU", "50-TB/TU"));
    const d = await detail(id);
    const archived = await office.post(`/api/papers/${id}/archive`, { version: d.version, reason: "Tải nhầm" });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe("archived");
    const active = await office.get("/api/papers?q=50-TB&status=active");
    expect(active.body.papers.map((p: any) => p.id)).not.toContain(id);
    const restored = await office.post(`/api/papers/${id}/restore`, { version: archived.body.version });
    expect(restored.body.status).toBe("review");
    expect(restored.body.items.directives.length).toBe(d.items.directives.length);
  });
});

describe("who may do what", () => {
  it("lets unit roles read ordinary papers but not upload, review or confirm them", async () => {
    const id = await uploadOk("tb-51.txt", NOTICE.join("\n").replace("45-TB/TU", "51-TB/TU"));
    const d = await detail(id);
    for (const client of [unitLeader, unitStaff]) {
      expect((await upload(client, "tb.txt", NOTICE.join("\n"))).status).toBe(403);
      expect((await client.put(`/api/papers/${id}/review`, reviewBody(d))).status).toBe(403);
      expect((await client.post(`/api/papers/${id}/confirm`, { version: d.version })).status).toBe(403);
      expect((await client.get(`/api/papers/${id}`)).status).toBe(200);
    }
    expect((await upload(leader, "tb.txt", NOTICE.join("\n"))).status).toBe(403);
  });

  it("keeps every change in an intact audit trail", async () => {
    const actions = await db.selectFrom("audit_log").select("action").distinct().where("province_id", "=", provinceId).where("object_type", "=", "paper").execute();
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["paper.amend", "paper.archive", "paper.classify", "paper.confirm", "paper.register", "paper.restore", "paper.review", "paper.upload"].sort(),
    );
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
