import { createHash } from "node:crypto";
import type { Queryable } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import { newId } from "../ids.ts";

// Uploaded papers, attachments and generated reports are stored in the database with
// the rest of the data: one backup holds everything, and a transaction that records
// a file either keeps both the file and its record or neither.

export async function storeFile(
  db: Queryable,
  provinceId: number,
  file: { name: string; mime: string; bytes: Uint8Array; createdBy: string | null },
): Promise<{ id: string; sha256: string; size: number }> {
  const id = newId();
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  await db
    .insertInto("files")
    .values({
      province_id: provinceId,
      id,
      name: file.name.slice(0, 255),
      mime: file.mime || "application/octet-stream",
      size: file.bytes.byteLength,
      sha256,
      content: file.bytes,
      created_by: file.createdBy,
    })
    .execute();
  return { id, sha256, size: file.bytes.byteLength };
}

/** Content-Disposition that keeps Vietnamese file names intact (RFC 6266 / 5987). */
export function attachmentHeader(name: string, inline = false): string {
  const ascii = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function fileResponse(db: Queryable, provinceId: number, id: string, inline = false): Promise<Response> {
  const file = await db.selectFrom("files").selectAll().where("province_id", "=", provinceId).where("id", "=", id).executeTakeFirst();
  if (!file) throw notFound("Không tìm thấy tệp.");
  return new Response(Buffer.from(file.content), {
    headers: {
      "content-type": file.mime,
      "content-length": String(file.size),
      "content-disposition": attachmentHeader(file.name, inline),
      "x-content-type-options": "nosniff",
    },
  });
}
