import { resolve } from "node:path";
import { z } from "zod";

// Configuration comes from the environment only; every value has a default that
// works on a fresh machine (embedded database in ./data, port 3000).

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DONDOC_DATA: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  DONDOC_BASE_URL: z.string().optional(),
  DONDOC_DEMO: flag.default(true),
  DONDOC_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  DONDOC_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  DONDOC_SECURE_COOKIES: flag.optional(),
  DONDOC_TRUST_PROXY: flag.default(false),
  DONDOC_MAX_UPLOAD_MB: z.coerce.number().min(1).max(200).default(20),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("dondoc <khong-tra-loi@dondoc.local>"),
  DONDOC_DUE_SOON_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  DONDOC_REMINDER_DAYS: z
    .string()
    .default("7,3,1")
    .transform((s) => s.split(",").map((x) => Number.parseInt(x.trim(), 10)).filter((n) => Number.isFinite(n) && n >= 0)),
  DONDOC_WORKER: flag.default(true),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  loadDemo: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** undefined: decide per request (https → Secure). */
  secureCookies: boolean | undefined;
  trustProxy: boolean;
  maxUploadBytes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  dueSoonDays: number;
  reminderDays: number[];
  runWorker: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Cấu hình không hợp lệ: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DONDOC_DATA),
    databaseUrl: e.DATABASE_URL || undefined,
    baseUrl: (e.DONDOC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    loadDemo: e.DONDOC_DEMO,
    sessionIdleMs: e.DONDOC_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.DONDOC_SESSION_MAX_HOURS * 3_600_000,
    secureCookies: e.DONDOC_SECURE_COOKIES,
    trustProxy: e.DONDOC_TRUST_PROXY,
    maxUploadBytes: Math.round(e.DONDOC_MAX_UPLOAD_MB * 1024 * 1024),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    dueSoonDays: e.DONDOC_DUE_SOON_DAYS,
    reminderDays: e.DONDOC_REMINDER_DAYS,
    runWorker: e.DONDOC_WORKER,
  };
}
