// Why a paper could not be read. Readers throw nothing else for bad input: callers
// show `message` (Vietnamese) to the user as is and may branch on `code`.
import type { PaperErrorCode } from "./types.ts";

const DEFAULT_MESSAGES: Record<PaperErrorCode, string> = {
  too_large: "Tệp quá lớn.",
  zip_bomb: "Tệp .docx có cấu trúc nén bất thường (nghi là 'bom nén'), không thể đọc.",
  xml_entities: "Tệp chứa khai báo thực thể XML (DOCTYPE/ENTITY), bị từ chối vì lý do an toàn.",
  unsupported_format: "Định dạng tệp không được hỗ trợ. Hãy tải lên .docx, .doc, .pdf hoặc .txt.",
  encrypted: "Tệp được bảo vệ bằng mật khẩu.",
  corrupt: "Tệp bị hỏng hoặc không đúng định dạng.",
  empty: "Tệp không có nội dung văn bản (có thể là bản quét ảnh).",
};

export class PaperError extends Error {
  readonly code: PaperErrorCode;

  constructor(code: PaperErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options);
    this.name = "PaperError";
    this.code = code;
  }
}

export function isPaperError(e: unknown): e is PaperError {
  return e instanceof PaperError;
}

/** "31,2" for 31.2 MB; whole numbers without decimals ("20"). */
function megabytes(bytes: number): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace(".", ",");
}

export function tooLarge(size: number, limit: number): PaperError {
  return new PaperError("too_large", `Tệp quá lớn: ${megabytes(size)} MB, giới hạn ${megabytes(limit)} MB.`);
}

export const encryptedPdf = (): PaperError => new PaperError("encrypted", "Tệp PDF được bảo vệ bằng mật khẩu.");
export const encryptedWord = (): PaperError => new PaperError("encrypted", "Tệp Word được bảo vệ bằng mật khẩu.");

/** Wraps anything a third-party reader threw: a PaperError passes through, the rest becomes "corrupt". */
export function asPaperError(e: unknown): PaperError {
  if (e instanceof PaperError) return e;
  return new PaperError("corrupt", undefined, { cause: e });
}
