import { type Actor, recordAudit } from "../audit/audit.ts";
import type { Deadline } from "../../domain/directives.ts";
import { addDays, todayInVietnam } from "../../domain/format.ts";
import type { Db } from "../db/schema.ts";
import { newId } from "../ids.ts";
import type { Role } from "../policy.ts";
import { act, type ActingUser, createDirective, decide, editDirective, recordUrging, submitReport, submitRequest, type Writer } from "./service.ts";

// The follow-up cycle for a newcomer: the office of Đồng Tháp (formerly Tiền Giang) turns
// the conclusion notice 1012-TB/TU into tracked directives, the units report, one directive
// is completed on time, one late, one is overdue today, one is due in two days, one had its
// deadline extended, one is followed up every month, and the office issued a written urging.
// Items 7 and 8 are left for the newcomer to assign (the browser test does so).
//
// Everything happened "some days ago", relative to the day the demo is loaded, so that the
// picture stays true: the paper is from 2024, the assignment from 50 days before today. The
// bodies the 2024 paper names are assigned to the units that carry their work today
// (Ban cán sự đảng UBND tỉnh → Đảng ủy UBND tỉnh, Sở Kế hoạch và Đầu tư → Sở Tài chính …).
//
// When the papers' demo step has confirmed the demo notice, its items are used; otherwise the
// notice is registered here as a confirmed paper with its items (guarded: never twice).

const PROVINCE = "dong-thap";
const SYMBOL = "1012-TB/TU";
const SYSTEM: Actor = { id: null, name: "Dữ liệu trình diễn" };

interface Item {
  ordinal: string;
  text: string;
  /** Unit codes as the paper names them in 2024 (leads, partners). */
  leads: string[];
  partners: string[];
  deadline: string | null;
  deadlineText: string | null;
}

// The items of the demo notice (src/server/demo/papers/tb-ket-luan-9-thang-2024.txt), in short.
const ITEMS: Item[] = [
  {
    ordinal: "1",
    text: "Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Đảng đoàn Hội đồng nhân dân tỉnh đánh giá lại từng chỉ tiêu trong 22 chỉ tiêu Nghị quyết năm 2024 và các chỉ tiêu nhiệm kỳ 2020 - 2025, chia thành ba nhóm: đã đạt, có thể đạt và khó đạt, mỗi nhóm có giải pháp riêng; giữ nguyên mức chỉ tiêu đã đề ra. Báo cáo Ban Thường vụ Tỉnh ủy về khả năng hoàn thành trước ngày 31/10/2024.",
    leads: ["BCS-UBND"],
    partners: ["DD-HDND"],
    deadline: "2024-10-31",
    deadlineText: "trước ngày 31/10/2024",
  },
  {
    ordinal: "2",
    text: "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Giao thông vận tải, Sở Xây dựng và Sở Tài chính tiếp thu ý kiến của các bộ, ngành Trung ương, hoàn chỉnh dự thảo kế hoạch triển khai Quy hoạch tỉnh 2021 - 2030 để sớm trình Thủ tướng Chính phủ phê duyệt; làm rõ nguyên nhân, trách nhiệm đối với từng công trình, dự án trọng điểm chậm tiến độ và đề xuất giải pháp tháo gỡ. Thời hạn: trong quý IV/2024.",
    leads: ["SO-KHDT"],
    partners: ["SO-GTVT", "SO-XD", "SO-TC"],
    deadline: "2024-12-31",
    deadlineText: "trong quý IV/2024",
  },
  {
    ordinal: "3",
    text: "Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư và Thanh tra tỉnh tăng cường quản lý thu, khai thác nguồn thu mới, xử lý nợ đọng thuế và thu hồi các khoản mà thanh tra, kiểm toán đã kiến nghị; rà soát các khoản chi, bảo đảm giải ngân vốn đầu tư công theo kế hoạch. Thực hiện thường xuyên, báo cáo kết quả hằng tháng.",
    leads: ["SO-TC"],
    partners: ["SO-KHDT", "TTR"],
    deadline: null,
    deadlineText: "thường xuyên",
  },
  {
    ordinal: "4",
    text: "Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Huyện ủy Tân Phú Đông, Huyện ủy Gò Công Đông và Huyện ủy Chợ Gạo lãnh đạo hoàn thành các tiêu chí còn thiếu, đưa Tân Phú Đông về đích huyện nông thôn mới, Gò Công Đông và Chợ Gạo về đích huyện nông thôn mới nâng cao. Hoàn thành hồ sơ đề nghị xét công nhận trước ngày 15/12/2024.",
    leads: ["BCS-UBND"],
    partners: ["H-TAN-PHU-DONG", "H-GO-CONG-DONG", "H-CHO-GAO"],
    deadline: "2024-12-15",
    deadlineText: "trước ngày 15/12/2024",
  },
  {
    ordinal: "5",
    text: "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài nguyên và Môi trường, Bộ Chỉ huy Quân sự tỉnh theo dõi sát diễn biến thời tiết, thủy văn, triều cường; lập danh sách hộ dân ở vùng có nguy cơ sạt lở để bố trí tái định cư, chuẩn bị sẵn phương án di dời. Hoàn thành việc rà soát trước ngày 31/10/2024; công tác ứng phó thực hiện thường xuyên.",
    leads: ["SO-NNPTNT"],
    partners: ["SO-TNMT", "BCHQS"],
    deadline: "2024-10-31",
    deadlineText: "trước ngày 31/10/2024",
  },
  {
    ordinal: "6",
    text: "Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh và Bộ Chỉ huy Bộ đội Biên phòng tỉnh tăng cường tuần tra, kiểm soát, nắm chắc địa bàn và đối tượng; mở đợt cao điểm trấn áp tội phạm ma túy, tội phạm kinh tế, lừa đảo qua mạng và khai thác cát trái phép. Thời hạn: trong quý IV/2024; báo cáo kết quả đợt cao điểm trước ngày 15/12/2024.",
    leads: ["CA"],
    partners: ["BCHQS", "BCHBP"],
    deadline: "2024-12-15",
    deadlineText: "trước ngày 15/12/2024",
  },
  {
    ordinal: "7",
    text: "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy và Ủy ban Kiểm tra Tỉnh ủy hướng dẫn và kiểm tra việc tổ chức đại hội đảng các cấp nhiệm kỳ 2025 - 2030 đúng Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và Kế hoạch 163-KH/TU ngày 19/9/2024 của Ban Thường vụ Tỉnh ủy. Các chi bộ trực thuộc đảng ủy cơ sở tổ chức xong đại hội trước ngày 31/12/2024.",
    leads: ["BTC"],
    partners: ["VPTU", "UBKT"],
    deadline: "2024-12-31",
    deadlineText: "trước ngày 31/12/2024",
  },
  {
    ordinal: "8",
    text: "Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy đẩy mạnh kiểm tra, giám sát kỷ luật, kỷ cương trong đội ngũ cán bộ, đảng viên; ưu tiên những nơi có nhiều đảng viên bị xóa tên hoặc cho ra khỏi Đảng. Báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12/2024.",
    leads: ["UBKT"],
    partners: ["BTC"],
    deadline: "2024-12-15",
    deadlineText: "trước ngày 15/12/2024",
  },
];

/** Who leads each assigned item today, and with whom (unit codes of the tree after 2025). */
const ASSIGN: Record<string, { lead: string; partners: string[] }> = {
  "1": { lead: "DU-UBND", partners: ["DU-CQD"] },
  "2": { lead: "SO-TC", partners: ["SO-XD"] },
  "3": { lead: "SO-TC", partners: ["TTR"] },
  "4": { lead: "DU-UBND", partners: ["SO-NNMT"] },
  "5": { lead: "SO-NNMT", partners: ["BCHQS"] },
  "6": { lead: "CA", partners: ["BCHQS", "BCHBP"] },
};

async function findOrRegisterPaper(db: Db, provinceId: number, unit: Map<string, string>, clerk: string | null): Promise<string> {
  const existing = await db.selectFrom("papers").select(["id", "status"]).where("province_id", "=", provinceId).where("symbol", "=", SYMBOL).executeTakeFirst();
  if (existing) return existing.id;
  const paperId = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("papers")
      .values({
        province_id: provinceId,
        id: paperId,
        kind: "TB",
        symbol: SYMBOL,
        issued_on: "2024-10-08",
        title: "Thông báo ý kiến kết luận của đồng chí Bí thư Tỉnh ủy tại Hội nghị Tỉnh ủy (mở rộng) đánh giá kết quả 9 tháng, bàn nhiệm vụ quý IV năm 2024",
        issuer: "Tỉnh ủy Tiền Giang",
        signer_name: "Huỳnh Văn Thạnh",
        signer_position: "Chánh Văn phòng",
        status: "confirmed",
        search: "1012-tb/tu thong bao y kien ket luan 9 thang quy iv nam 2024 tinh uy tien giang",
        created_by: clerk,
        confirmed_by: clerk,
        confirmed_at: new Date(),
      })
      .execute();
    const body = (code: string, name: string) => ({ name, unitId: unit.get(code) ?? null });
    const names: Record<string, string> = {
      "BCS-UBND": "Ban cán sự đảng Ủy ban nhân dân tỉnh",
      "DD-HDND": "Đảng đoàn Hội đồng nhân dân tỉnh",
      "SO-KHDT": "Sở Kế hoạch và Đầu tư",
      "SO-GTVT": "Sở Giao thông vận tải",
      "SO-XD": "Sở Xây dựng",
      "SO-TC": "Sở Tài chính",
      TTR: "Thanh tra tỉnh",
      "H-TAN-PHU-DONG": "Huyện ủy Tân Phú Đông",
      "H-GO-CONG-DONG": "Huyện ủy Gò Công Đông",
      "H-CHO-GAO": "Huyện ủy Chợ Gạo",
      "SO-NNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
      "SO-TNMT": "Sở Tài nguyên và Môi trường",
      BCHQS: "Bộ Chỉ huy Quân sự tỉnh",
      BCHBP: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
      CA: "Công an tỉnh",
      BTC: "Ban Tổ chức Tỉnh ủy",
      VPTU: "Văn phòng Tỉnh ủy",
      UBKT: "Ủy ban Kiểm tra Tỉnh ủy",
    };
    await tx
      .insertInto("paper_directives")
      .values(
        ITEMS.map((it, i) => ({
          province_id: provinceId,
          paper_id: paperId,
          id: newId(),
          position: i,
          ordinal: it.ordinal,
          text: it.text,
          leads: JSON.stringify(it.leads.map((c) => body(c, names[c]!))),
          partners: JSON.stringify(it.partners.map((c) => body(c, names[c]!))),
          deadline: it.deadline,
          deadline_text: it.deadlineText,
        })),
      )
      .execute();
    await recordAudit(tx, { provinceId, actor: SYSTEM, action: "paper.register_demo", objectType: "paper", objectId: paperId, after: { symbol: SYMBOL, items: ITEMS.length } });
  });
  return paperId;
}

export async function loadDemoDirectives(db: Db, today = todayInVietnam()): Promise<void> {
  const province = await db.selectFrom("provinces").select("id").where("code", "=", PROVINCE).executeTakeFirst();
  if (!province) return;
  const p = province.id;
  const already = await db.selectFrom("directives").select("id").where("province_id", "=", p).limit(1).executeTakeFirst();
  if (already) return;
  const units = await db.selectFrom("units").select(["id", "code"]).where("province_id", "=", p).execute();
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const users = await db
    .selectFrom("users as u")
    .leftJoin("user_units as l", (j) => j.onRef("l.province_id", "=", "u.province_id").onRef("l.user_id", "=", "u.id"))
    .select(["u.id", "u.username", "u.full_name", "u.role", "l.unit_id"])
    .where("u.province_id", "=", p)
    .execute();
  const person = (username: string): ActingUser | null => {
    const rows = users.filter((u) => u.username === username);
    if (!rows.length) return null;
    return { id: rows[0]!.id, fullName: rows[0]!.full_name, role: rows[0]!.role as Role, unitIds: rows.map((r) => r.unit_id).filter((x): x is string => !!x) };
  };
  const office = person("vanphong") ?? { id: null, fullName: SYSTEM.name, role: "office" as Role, unitIds: [] };
  const leader = person("lanhdao");
  /** A unit's people as the demo has them, or the unit itself speaking through the demo. */
  const unitUser = (code: string, role: "unit_leader" | "unit_staff"): ActingUser => {
    const id = unit.get(code)!;
    const real = users.find((u) => u.role === role && u.unit_id === id);
    if (real) return person(real.username)!;
    return { id: null, fullName: `${role === "unit_leader" ? "Lãnh đạo" : "Chuyên viên"} đơn vị (dữ liệu trình diễn)`, role, unitIds: [id] };
  };
  const paperId = await findOrRegisterPaper(db, p, unit, office.id);
  const items = await db.selectFrom("paper_directives").select(["id", "ordinal", "position", "text"]).where("province_id", "=", p).where("paper_id", "=", paperId).orderBy("position").execute();

  const day = (offset: number) => addDays(today, offset);
  const run = <T>(user: ActingUser, offset: number, fn: (w: Writer) => Promise<T>) =>
    db.transaction().execute((tx) =>
      fn({
        tx,
        provinceId: p,
        user,
        at: new Date(`${day(offset)}T09:30:00+07:00`),
        baseUrl: "",
        audit: (e) => recordAudit(tx, { ...e, provinceId: p, actor: user.id ? { id: user.id, name: user.fullName } : { id: null, name: `${user.fullName}` } }),
      }),
    );
  const versionOf = async (id: string) =>
    (await db.selectFrom("directives").select("version").where("province_id", "=", p).where("id", "=", id).executeTakeFirstOrThrow()).version;

  // The office assigns items 1–6, fifty days ago, with deadlines that tell each story today.
  const deadlines: Record<string, Deadline> = {
    "1": { kind: "date", value: day(-10) },
    "2": { kind: "date", value: day(-5) },
    "3": { kind: "recurring", value: "báo cáo hằng tháng" },
    "4": { kind: "date", value: day(2) },
    "5": { kind: "date", value: day(-30) },
    "6": { kind: "date", value: day(-3) },
  };
  const ids: Record<string, string> = {};
  for (const item of items) {
    // The notice numbers its items inside part II: the extractor writes "II.1" (gold guide §2.2).
    const n = item.ordinal.replace(/^[IVXLC]+\./, "");
    const plan = ASSIGN[n];
    if (!plan || !unit.get(plan.lead)) continue;
    const row = await run(office, -50, (w) =>
      createDirective(w, {
        content: item.text,
        ordinal: item.ordinal,
        position: item.position,
        leadUnitId: unit.get(plan.lead)!,
        partnerUnitIds: plan.partners.map((c) => unit.get(c)).filter((x): x is string => !!x),
        followerId: office.id,
        leaderId: leader?.id ?? null,
        deadline: deadlines[n]!,
        expectedProduct: n === "3" ? "Báo cáo hằng tháng về thu, chi ngân sách" : "Báo cáo kết quả gửi Ban Thường vụ Tỉnh ủy",
        priority: n === "2" || n === "4" ? "high" : "normal",
        classification: n === "6" ? "defence" : "economy",
        paperId,
        paperDirectiveId: item.id,
        source: "paper",
      }),
    );
    ids[n] = row.id;
  }

  // 1 — done on time: reported, asked for confirmation four days before the deadline, confirmed.
  if (ids["1"]) {
    const lead = unitUser("DU-UBND", "unit_leader");
    const staff = unitUser("DU-UBND", "unit_staff");
    await run(staff, -40, (w) => submitReport(w, ids["1"]!, { progress: 40, narrative: "Đã rà soát 22 chỉ tiêu, dự kiến 14 chỉ tiêu đạt, 5 chỉ tiêu có thể đạt, 3 chỉ tiêu khó đạt.", difficulties: "Chỉ tiêu xuất khẩu phụ thuộc thị trường thế giới." }));
    await run(staff, -20, (w) => submitReport(w, ids["1"]!, { progress: 90, narrative: "Đã hoàn chỉnh giải pháp cho từng nhóm chỉ tiêu; dự thảo báo cáo trình Ban Thường vụ." }));
    const v = await versionOf(ids["1"]);
    const req = await run(lead, -14, (w) => submitRequest(w, ids["1"]!, { version: v, kind: "completion", result: "Đã báo cáo Ban Thường vụ Tỉnh ủy: 14/22 chỉ tiêu đạt, 5/22 có thể đạt, 3/22 khó đạt, kèm giải pháp từng nhóm; giữ nguyên mức chỉ tiêu." }));
    const v2 = await versionOf(ids["1"]);
    await run(office, -12, (w) => decide(w, ids["1"]!, req, { version: v2, approve: true }));
  }
  // 5 — done late: the deadline passed thirty days ago, completion asked five days after it.
  if (ids["5"]) {
    const lead = unitUser("SO-NNMT", "unit_leader");
    await run(lead, -45, (w) => submitReport(w, ids["5"]!, { progress: 50, narrative: "Đã lập danh sách 1.250 hộ ở 65 điểm sạt lở." }));
    const v = await versionOf(ids["5"]);
    const req = await run(lead, -25, (w) => submitRequest(w, ids["5"]!, { version: v, kind: "completion", result: "Hoàn thành rà soát 65 điểm sạt lở, 1.250 hộ; phương án di dời đã được phê duyệt." }));
    const v2 = await versionOf(ids["5"]);
    await run(office, -24, (w) => decide(w, ids["5"]!, req, { version: v2, approve: true }));
  }
  // 2 — overdue today: the lead unit (Sở Tài chính, which took over Sở Kế hoạch và Đầu tư) reported 70% and was urged.
  if (ids["2"]) {
    const staff = unitUser("SO-TC", "unit_staff");
    await run(staff, -30, (w) => submitReport(w, ids["2"]!, { progress: 40, narrative: "Đã tiếp thu 28/41 ý kiến của bộ, ngành Trung ương." }));
    await run(staff, -8, (w) => submitReport(w, ids["2"]!, { progress: 70, narrative: "Đã tiếp thu đủ ý kiến; đang hoàn chỉnh phần nguyên nhân chậm tiến độ của 4 dự án trọng điểm.", difficulties: "Chờ số liệu giải phóng mặt bằng Khu công nghiệp Bình Đông.", proposals: "Đề nghị Đảng ủy UBND tỉnh chỉ đạo các huyện cung cấp số liệu." }));
    await run(office, -3, (w) =>
      recordUrging(w, {
        directiveIds: [ids["2"]!],
        symbol: "2315-CV/VPTU",
        content: "Thực hiện Thông báo số 1012-TB/TU, Văn phòng Tỉnh ủy đề nghị Sở Tài chính khẩn trương hoàn chỉnh dự thảo kế hoạch triển khai Quy hoạch tỉnh, báo cáo kết quả về Văn phòng Tỉnh ủy.",
      }),
    );
  }
  // 3 — recurring, reported every month.
  if (ids["3"]) {
    const staff = unitUser("SO-TC", "unit_staff");
    await run(staff, -35, (w) => submitReport(w, ids["3"]!, { progress: 30, narrative: "Tháng trước: thu ngân sách đạt 8,5% dự toán; đã xử lý 120 tỷ đồng nợ đọng thuế." }));
    await run(staff, -5, (w) => submitReport(w, ids["3"]!, { progress: 55, narrative: "Tháng này: thu ngân sách lũy kế đạt 102,3% dự toán; giải ngân vốn đầu tư công đạt 78%." }));
  }
  // 4 — due in two days, in progress.
  if (ids["4"]) {
    const lead = unitUser("DU-UBND", "unit_leader");
    await run(lead, -15, (w) => submitReport(w, ids["4"]!, { progress: 80, narrative: "Các xã đã hoàn thành 17/19 tiêu chí; đang hoàn thiện hồ sơ đề nghị xét công nhận." }));
  }
  // 6 — the deadline was extended on the unit's request; on time again.
  if (ids["6"]) {
    const lead = unitUser("CA", "unit_leader");
    await run(lead, -20, (w) => act(w, ids["6"]!, "start", { version: 1 }));
    const v = await versionOf(ids["6"]);
    const req = await run(lead, -6, (w) =>
      submitRequest(w, ids["6"]!, { version: v, kind: "extension", reason: "Đợt cao điểm kéo dài theo kế hoạch của Bộ Công an.", proposedDeadline: { kind: "date", value: day(25) } }),
    );
    const v2 = await versionOf(ids["6"]);
    await run(office, -5, (w) => decide(w, ids["6"]!, req, { version: v2, approve: true }));
    const v3 = await versionOf(ids["6"]);
    await run(office, -5, (w) => editDirective(w, ids["6"]!, { version: v3, note: "Gia hạn theo đề nghị của Công an tỉnh." }));
  }
}
