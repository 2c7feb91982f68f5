// The `dondoc` command. Each subcommand is a thin layer over the same services the
// server uses; messages are Vietnamese, exit codes: 0 ok, 1 failure, 2 bad input.
import { loadConfig } from "../server/config.ts";

const HELP = `dondoc — theo dõi, đôn đốc thực hiện nhiệm vụ

Cách dùng: dondoc <lệnh> [tùy chọn]

  serve                         Chạy máy chủ (mặc định). PORT, DONDOC_DATA, DATABASE_URL để cấu hình.
  migrate                       Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất.
  province add --id N --code C --name "Tên"
                                Thêm một tỉnh (đơn vị dữ liệu).
  user add --username U --name "Họ tên" --role R --province C [--unit MÃ]… [--email E] [--password P]
                                Thêm người dùng. R: admin | office | leader | unit_leader | unit_staff.
                                Không nhập --password thì một mật khẩu ngẫu nhiên được in ra.
  backup --out TỆP              Sao lưu toàn bộ dữ liệu ra một tệp (.ndjson.gz).
  restore TỆP                   Phục hồi từ tệp sao lưu vào cơ sở dữ liệu trống.
  audit verify                  Kiểm tra chuỗi nhật ký; chỉ ra bản ghi đầu tiên bị sửa.
  extract TỆP [--json]          Đọc một văn bản (.docx, .doc, .pdf, .txt) và in cấu trúc trích xuất được.
  report work-results --period KỲ [--as-of yyyy-mm-dd] [--province MÃ] [--format docx|pdf|xlsx] --out TỆP
                                Soạn báo cáo kết quả thực hiện nhiệm vụ (KỲ: 2024, 2024-H1, 2024-9M, 2024-Q3).
  report conclusion --paper SỐ_KÝ_HIỆU --out TỆP
                                Soạn dự thảo thông báo kết luận từ các nhiệm vụ của một văn bản.
  help                          In hướng dẫn này.
`;

async function main(argv: string[]): Promise<number> {
  const [command = "serve", ...rest] = argv;
  switch (command) {
    case "serve":
      return (await import("./serve.ts")).runServe();
    case "migrate":
      return (await import("./admin.ts")).runMigrate(loadConfig());
    case "province":
      return (await import("./admin.ts")).runProvince(rest, loadConfig());
    case "user":
      return (await import("./admin.ts")).runUser(rest, loadConfig());
    case "backup":
      return (await import("./backup.ts")).runBackup(rest, loadConfig());
    case "restore":
      return (await import("./backup.ts")).runRestore(rest, loadConfig());
    case "audit":
      return (await import("./admin.ts")).runAudit(rest, loadConfig());
    case "extract":
      return (await import("./extract.ts")).runExtract(rest);
    case "report":
      return (await import("./report.ts")).runReport(rest, loadConfig());
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`Lệnh không hợp lệ: "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
