import { hashPassword } from "../../src/server/auth/passwords.ts";
import type { Db } from "../../src/server/db/schema.ts";
import { prng } from "../lib/stats.ts";

// A deterministic, fast generator of provinces shaped like the real ones since 2025:
// ~150 provincial bodies (party organs, delegations, departments, mass organisations)
// and ~100 communes and wards, plus the districts they belonged to until 30/6/2025,
// and users for the bodies. The same seed always gives the same data.

export interface GeneratedProvince {
  id: number;
  rootId: string;
  officeUnitId: string;
  districtIds: string[];
  bodyIds: string[];
  communeIds: string[];
  /** username of a unit leader of a district (scope: the district and its communes before 2025). */
  districtLeader: string;
  officeUser: string;
}

export const BENCH_PASSWORD = "bench-mat-khau";

const DEPARTMENT_WORDS = ["Tài chính", "Nội vụ", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Công Thương", "Nông nghiệp và Môi trường", "Khoa học và Công nghệ", "Tư pháp", "Văn hóa, Thể thao và Du lịch", "Dân tộc và Tôn giáo", "Ngoại vụ"];

function uuidFrom(rand: () => number): string {
  // UUIDv7-shaped, deterministic: a fixed time prefix and random tail.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `0190a3a0-${hex(4)}-7${hex(3)}-8${hex(3)}-${hex(12)}`;
}

let sharedHash: Promise<string> | null = null;

export async function generateProvince(db: Db, id: number, options: { bodies?: number; communes?: number; districts?: number; usersPerBody?: number } = {}): Promise<GeneratedProvince> {
  const rand = prng(1000 + id);
  sharedHash ??= hashPassword(BENCH_PASSWORD);
  const hash = await sharedHash;
  const nBodies = options.bodies ?? 150;
  const nCommunes = options.communes ?? 100;
  const nDistricts = options.districts ?? 10;
  const usersPerBody = options.usersPerBody ?? 2;
  const units: { province_id: number; id: string; code: string }[] = [];
  const versions: {
    province_id: number;
    unit_id: string;
    valid_from: string;
    valid_to: string | null;
    parent_id: string | null;
    kind: string;
    name: string;
    short_name: string | null;
    aliases: string[];
  }[] = [];
  const add = (code: string, kind: string, name: string, parent: string | null, from = "2020-10-01", to: string | null = null) => {
    const uid = uuidFrom(rand);
    units.push({ province_id: id, id: uid, code });
    versions.push({ province_id: id, unit_id: uid, valid_from: from, valid_to: to, parent_id: parent, kind, name, short_name: null, aliases: [] });
    return uid;
  };
  const root = add("TU", "province_committee", `Tỉnh ủy Số ${id}`, null);
  const office = add("VPTU", "party_organ", "Văn phòng Tỉnh ủy", root);
  const bodyIds = [office];
  for (let i = 1; i < nBodies; i++) {
    const word = DEPARTMENT_WORDS[i % DEPARTMENT_WORDS.length]!;
    bodyIds.push(add(`CQ-${i}`, i % 5 === 0 ? "party_organ" : "department", `Sở ${word} ${i}`, root));
  }
  const districtIds: string[] = [];
  for (let d = 0; d < nDistricts; d++) districtIds.push(add(`H-${d}`, "district", `Huyện ủy Số ${d + 1}`, root, "2020-10-01", "2025-07-01"));
  const communeIds: string[] = [];
  for (let c = 0; c < nCommunes; c++) {
    const uid = uuidFrom(rand);
    units.push({ province_id: id, id: uid, code: `X-${c}` });
    const district = districtIds[c % nDistricts]!;
    versions.push({ province_id: id, unit_id: uid, valid_from: "2020-10-01", valid_to: "2025-07-01", parent_id: district, kind: "commune", name: `Đảng ủy xã Cũ ${c + 1}`, short_name: null, aliases: [] });
    versions.push({ province_id: id, unit_id: uid, valid_from: "2025-07-01", valid_to: null, parent_id: root, kind: "commune", name: `Đảng ủy xã Mới ${c + 1}`, short_name: null, aliases: [] });
    communeIds.push(uid);
  }
  await db.insertInto("provinces").values({ id, code: `bench-${id}`, name: `Tỉnh Số ${id}` }).execute();
  for (let i = 0; i < units.length; i += 1000) await db.insertInto("units").values(units.slice(i, i + 1000)).execute();
  for (let i = 0; i < versions.length; i += 1000) await db.insertInto("unit_versions").values(versions.slice(i, i + 1000)).execute();

  const users: { province_id: number; id: string; username: string; full_name: string; email: string; role: string; password_hash: string }[] = [];
  const links: { province_id: number; user_id: string; unit_id: string }[] = [];
  const addUser = (username: string, role: string, unit: string | null) => {
    const uid = uuidFrom(rand);
    users.push({ province_id: id, id: uid, username, full_name: `Cán bộ ${username}`, email: `${username}@bench.local`, role, password_hash: hash });
    if (unit) links.push({ province_id: id, user_id: uid, unit_id: unit });
  };
  addUser(`p${id}.vanphong`, "office", office);
  addUser(`p${id}.lanhdao`, "leader", root);
  addUser(`p${id}.huyen0`, "unit_leader", districtIds[0]!);
  for (const [i, body] of [...bodyIds, ...communeIds].entries()) {
    for (let k = 0; k < usersPerBody; k++) addUser(`p${id}.u${i}.${k}`, k === 0 ? "unit_leader" : "unit_staff", body);
  }
  for (let i = 0; i < users.length; i += 1000) await db.insertInto("users").values(users.slice(i, i + 1000)).execute();
  for (let i = 0; i < links.length; i += 1000) await db.insertInto("user_units").values(links.slice(i, i + 1000)).execute();
  return { id, rootId: root, officeUnitId: office, districtIds, bodyIds, communeIds, districtLeader: `p${id}.huyen0`, officeUser: `p${id}.vanphong` };
}
