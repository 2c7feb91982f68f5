import { formatBytes } from "../../domain/format.ts";
import { HttpError } from "../http/errors.ts";

// Attachments to progress reports: pdf, docx, doc, xlsx, jpg, png, at most 20 MB each.
// The type is judged by the file's first bytes as well as its name, so a renamed
// executable is refused whatever it is called.

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MAX_FILES = 10;

const KINDS: { ext: string[]; mime: string; magic: (b: Uint8Array) => boolean }[] = [
  { ext: ["pdf"], mime: "application/pdf", magic: (b) => starts(b, [0x25, 0x50, 0x44, 0x46]) },
  { ext: ["docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) },
  { ext: ["xlsx"], mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) },
  { ext: ["doc"], mime: "application/msword", magic: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { ext: ["jpg", "jpeg"], mime: "image/jpeg", magic: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { ext: ["png"], mime: "image/png", magic: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

function starts(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x);
}

export interface CheckedAttachment {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** The file as it will be stored, or a 400/413 in Vietnamese naming the file. */
export function checkAttachment(name: string, bytes: Uint8Array, maxBytes = ATTACHMENT_MAX_BYTES): CheckedAttachment {
  const clean = name.replace(/[\\/]/g, "_").trim() || "tep-dinh-kem";
  if (bytes.byteLength > maxBytes) {
    throw new HttpError(413, "attachment_too_large", `Tệp "${clean}" quá lớn (${formatBytes(bytes.byteLength)}); mỗi tệp đính kèm tối đa ${formatBytes(maxBytes)}.`);
  }
  if (!bytes.byteLength) throw new HttpError(400, "attachment_empty", `Tệp "${clean}" rỗng.`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(clean)?.[1]?.toLowerCase() ?? "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) {
    throw new HttpError(400, "attachment_type", `Tệp "${clean}" không thuộc loại được phép đính kèm (chỉ nhận .pdf, .docx, .doc, .xlsx, .jpg, .png).`);
  }
  if (!kind.magic(bytes)) {
    throw new HttpError(400, "attachment_type", `Nội dung tệp "${clean}" không đúng định dạng .${ext} (tệp có thể bị hỏng hoặc bị đổi đuôi).`);
  }
  return { name: clean, mime: kind.mime, bytes };
}
