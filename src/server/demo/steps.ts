import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UnitTreeFile } from "../../domain/units.ts";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/schema.ts";
import { loadDemoDirectives } from "../directives/demo.ts";
import { loadDemoPapers } from "../papers/demo.ts";
import { loadDemoHistory } from "../reports/demo.ts";
import { newId } from "../ids.ts";
import type { Role } from "../policy.ts";
import { loadDemoTargets } from "../targets/demo.ts";
import { importTree } from "../units/transfer.ts";

// The demo a newcomer sees on first start: two provinces as the seed papers knew
// them in 2023–2024, with the reorganisation of 2025, and one account per role.
// Later features add their own steps (papers, directives, targets …) to DEMO_STEPS.

export const DEMO_PASSWORD = "dondoc-demo";

export interface DemoProvince {
  id: number;
  code: string;
  name: string;
  /** File in src/server/demo/data holding the dated organisation tree. */
  treeFile: string;
  /** Login names are prefixed with this in all but the first province (names are unique in a deployment). */
  loginPrefix: string;
}

export const DEMO_PROVINCES: DemoProvince[] = [
  { id: 1, code: "dong-thap", name: "Đồng Tháp", treeFile: "dong-thap.units.json", loginPrefix: "" },
  { id: 2, code: "can-tho", name: "Cần Thơ", treeFile: "can-tho.units.json", loginPrefix: "ct." },
];

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Unit codes in the province's tree; the first that exists is used when alternatives are separated by "|". */
  units: string[];
  email: string;
  description: string;
}

/** The accounts of each demo province (usernames get the province's login prefix). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", fullName: "Trần Quản Trị", role: "admin", units: [], email: "admin@dondoc.local", description: "Quản trị hệ thống" },
  { username: "vanphong", fullName: "Nguyễn Thị Thu Hà", role: "office", units: ["VPTU"], email: "vanphong@dondoc.local", description: "Chuyên viên Văn phòng Tỉnh ủy, theo dõi, đôn đốc" },
  { username: "lanhdao", fullName: "Lê Minh Quang", role: "leader", units: ["TU"], email: "lanhdao@dondoc.local", description: "Lãnh đạo tỉnh (xem toàn bộ)" },
  { username: "sotaichinh", fullName: "Phạm Văn Tài", role: "unit_leader", units: ["SO-TC"], email: "sotaichinh@dondoc.local", description: "Lãnh đạo Sở Tài chính" },
  { username: "cv.sotaichinh", fullName: "Võ Thị Ngọc", role: "unit_staff", units: ["SO-TC"], email: "cv.sotaichinh@dondoc.local", description: "Chuyên viên Sở Tài chính" },
  { username: "bantochuc", fullName: "Đặng Hữu Phước", role: "unit_leader", units: ["BTC"], email: "bantochuc@dondoc.local", description: "Lãnh đạo Ban Tổ chức Tỉnh ủy" },
];

export function demoLogin(province: DemoProvince, account: DemoAccount): string {
  return `${province.loginPrefix}${account.username}`;
}

const DATA_DIR = join(import.meta.dirname, "data");
const SYSTEM: Actor = { id: null, name: "Dữ liệu trình diễn" };

async function loadFoundation(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const province of DEMO_PROVINCES) {
    const tree = UnitTreeFile.parse(JSON.parse(readFileSync(join(DATA_DIR, province.treeFile), "utf8")));
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("provinces").values({ id: province.id, code: province.code, name: province.name }).execute();
      const audit = (e: Parameters<Parameters<typeof importTree>[3]>[0]) =>
        recordAudit(tx, { ...e, provinceId: province.id, actor: SYSTEM });
      await importTree(tx, province.id, tree, audit, null);
      const units = await tx.selectFrom("units").select(["id", "code"]).where("province_id", "=", province.id).execute();
      const unitId = new Map(units.map((u) => [u.code, u.id]));
      for (const account of DEMO_ACCOUNTS) {
        const id = newId();
        const linked = account.units.map((alternatives) => alternatives.split("|").map((c) => unitId.get(c)).find(Boolean)).filter((u): u is string => !!u);
        await tx
          .insertInto("users")
          .values({
            province_id: province.id,
            id,
            username: demoLogin(province, account),
            full_name: account.fullName,
            email: account.email.replace("@", `+${province.code}@`),
            role: account.role,
            password_hash: hash,
          })
          .execute();
        if (linked.length) await tx.insertInto("user_units").values(linked.map((u) => ({ province_id: province.id, user_id: id, unit_id: u }))).execute();
        await recordAudit(tx, {
          provinceId: province.id,
          actor: SYSTEM,
          action: "user.create",
          objectType: "user",
          objectId: id,
          after: { username: demoLogin(province, account), role: account.role, units: account.units },
        });
      }
    });
  }
}

export interface DemoStep {
  label: string;
  run(db: Db): Promise<void>;
}

export const DEMO_STEPS: DemoStep[] = [
  { label: "Tỉnh, cây tổ chức và tài khoản trình diễn", run: loadFoundation },
  // Papers of the seeds' kinds, read, recognised and confirmed through the real pipeline.
  { label: "Văn bản trình diễn: đọc, nhận diện, xác nhận (1012-TB/TU, 212-CTr/TU, 618-BC/TU)", run: loadDemoPapers },
  // Targets attach the figures of confirmed demo papers when they exist: keep this after the papers' step.
  { label: "Chỉ tiêu nghị quyết năm 2024 (Tiền Giang, Hậu Giang) và số liệu", run: loadDemoTargets },
  // Directives use the confirmed demo notice 1012-TB/TU when the papers' step has confirmed it: keep this after that step.
  { label: "Nhiệm vụ theo dõi, đôn đốc (Thông báo 1012-TB/TU)", run: (db) => loadDemoDirectives(db) },
  // A year of follow-up for the second province, and the 2024 figures dated as approved after their periods,
  // so that dashboards and reports of 2024 (as of a day then) show a province's picture.
  { label: "Lịch sử năm 2024 (minh họa): nhiệm vụ của Hậu Giang, ngày duyệt số liệu chỉ tiêu", run: loadDemoHistory },
];
