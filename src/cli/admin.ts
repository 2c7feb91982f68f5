import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { verifyAudit } from "../server/audit/audit.ts";
import { recordAudit } from "../server/audit/audit.ts";
import { hashPassword, passwordProblem } from "../server/auth/passwords.ts";
import type { Config } from "../server/config.ts";
import { type DatabaseHandle, openDatabase } from "../server/db/connect.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { newId } from "../server/ids.ts";
import { isRole, ROLES } from "../server/policy.ts";

export async function withDatabase<T>(config: Config, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const CLI_ACTOR = { id: null, name: "Dòng lệnh dondoc" };

export async function runMigrate(config: Config): Promise<number> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Đã áp dụng: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.");
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runProvince(argv: string[], config: Config): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { id: { type: "string" }, code: { type: "string" }, name: { type: "string" } },
  });
  if (positionals[0] !== "add" || !values.id || !values.code || !values.name) {
    console.error('Cách dùng: dondoc province add --id N --code mã --name "Tên tỉnh"');
    return 2;
  }
  const id = Number(values.id);
  if (!Number.isInteger(id) || id < 1) {
    console.error("--id phải là số nguyên dương.");
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    await db.insertInto("provinces").values({ id, code: values.code!, name: values.name! }).execute();
    console.log(`Đã thêm tỉnh ${values.name} (id ${id}).`);
    return 0;
  });
}

export async function runUser(argv: string[], config: Config): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      province: { type: "string" },
      unit: { type: "string", multiple: true },
      email: { type: "string" },
      password: { type: "string" },
    },
  });
  if (positionals[0] !== "add" || !values.username || !values.name || !values.role || !values.province) {
    console.error('Cách dùng: dondoc user add --username U --name "Họ tên" --role R --province MÃ_TỈNH [--unit MÃ_ĐƠN_VỊ]… [--email E] [--password P]');
    return 2;
  }
  if (!isRole(values.role)) {
    console.error(`Vai trò không hợp lệ: ${values.role}. Chọn một trong: ${ROLES.join(", ")}.`);
    return 2;
  }
  const role = values.role;
  const generated = !values.password;
  const password = values.password ?? randomBytes(9).toString("base64url");
  const problem = passwordProblem(password, values.username);
  if (problem) {
    console.error(problem);
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    const province = await db
      .selectFrom("provinces")
      .select(["id", "name"])
      .where((eb) => eb.or([eb("code", "=", values.province!), eb(sql<string>`id::text`, "=", values.province!)]))
      .executeTakeFirst();
    if (!province) {
      console.error(`Không có tỉnh "${values.province}". Thêm bằng: dondoc province add …`);
      return 2;
    }
    const unitCodes = values.unit ?? [];
    const units = unitCodes.length
      ? await db.selectFrom("units").select(["id", "code"]).where("province_id", "=", province.id).where("code", "in", unitCodes).execute()
      : [];
    const missing = unitCodes.filter((c) => !units.some((u) => u.code === c));
    if (missing.length) {
      console.error(`Không có đơn vị mã: ${missing.join(", ")}.`);
      return 2;
    }
    const id = newId();
    const hash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto("users")
        .values({ province_id: province.id, id, username: values.username!, full_name: values.name!, email: values.email ?? null, role, password_hash: hash })
        .execute();
      if (units.length) await tx.insertInto("user_units").values(units.map((u) => ({ province_id: province.id, user_id: id, unit_id: u.id }))).execute();
      await recordAudit(tx, {
        provinceId: province.id,
        actor: CLI_ACTOR,
        action: "user.create",
        objectType: "user",
        objectId: id,
        after: { username: values.username, fullName: values.name, role, units: unitCodes },
      });
    });
    console.log(`Đã tạo người dùng ${values.username} (${role}) tại ${province.name}.`);
    if (generated) console.log(`Mật khẩu tạm: ${password}  — hãy đổi sau lần đăng nhập đầu.`);
    return 0;
  });
}

export async function runAudit(argv: string[], config: Config): Promise<number> {
  if (argv[0] !== "verify") {
    console.error("Cách dùng: dondoc audit verify");
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    const result = await verifyAudit(db);
    if (result.ok) {
      console.log(`Nhật ký toàn vẹn: ${result.rows} bản ghi, ${result.provinces} tỉnh.`);
      return 0;
    }
    console.error(`Nhật ký bị sửa đổi: tỉnh ${result.provinceId}, bản ghi số ${result.seq} (${result.problem}). Đã kiểm ${result.rows} bản ghi.`);
    return 1;
  });
}
