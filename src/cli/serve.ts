import { loadConfig } from "../server/config.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROVINCES, demoLogin } from "../server/demo/steps.ts";
import { startServer } from "../server/server.ts";
import { buildWebIfNeeded } from "./build-web.ts";

export async function runServe(): Promise<number> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  await buildWebIfNeeded(log);
  const server = await startServer(config, log);
  const where = config.databaseUrl ? `PostgreSQL ${server.handle.location}` : `PGlite trong thư mục ${server.handle.location}`;
  log("");
  log(`dondoc đang chạy tại ${config.baseUrl}  (dữ liệu: ${where})`);
  if (config.loadDemo) {
    const first = DEMO_PROVINCES[0]!;
    log(`Tài khoản trình diễn (mật khẩu chung: ${DEMO_PASSWORD}), tỉnh ${first.name}:`);
    for (const a of DEMO_ACCOUNTS) log(`  ${demoLogin(first, a).padEnd(16)} ${a.description}`);
    for (const p of DEMO_PROVINCES.slice(1)) log(`Tỉnh ${p.name}: cùng các tài khoản với tiền tố "${p.loginPrefix}" (ví dụ ${demoLogin(p, DEMO_ACCOUNTS[1]!)}).`);
  }
  log("Nhấn Ctrl+C để dừng.");
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log(`\nNhận ${signal}: đang dừng an toàn …`);
      server.stop().then(resolve, (e) => {
        console.error(e);
        resolve();
      });
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  log("Đã dừng.");
  return 0;
}
