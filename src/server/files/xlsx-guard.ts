import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { HttpError } from "../http/errors.ts";

// Every .xlsx upload (organisation trees, tracking sheets, target figures) passes here before
// ExcelJS inflates it, so a small file that would expand to gigabytes is refused with a clear
// Vietnamese message instead of exhausting the server's memory.

/** What a zipped Office file may hold at most once inflated, and how many parts. */
export const XLSX_LIMITS = { maxEntries: 1000, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };

export const notExcel = () => new HttpError(400, "invalid_file", "Tệp không phải là tệp Excel (.xlsx) hợp lệ.");
const bomb = () => new HttpError(400, "zip_bomb", "Tệp Excel có nội dung giải nén lớn bất thường (nghi là tệp độc hại); không đọc tệp này.");

/**
 * Refuses a zip bomb before ExcelJS sees the file: the declared sizes (central directory)
 * must be reasonable, and then every entry is actually inflated, counting bytes, and
 * stopped as soon as it produces more than it declared or than the limits allow.
 */
export function checkXlsxArchive(bytes: Uint8Array, limits = XLSX_LIMITS): void {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notExcel();
  const declared = new Map<string, number>();
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        declared.set(f.name, f.originalSize);
        total += f.originalSize;
        if (declared.size > limits.maxEntries || f.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes) throw bomb();
        if (f.originalSize > 1024 * 1024 && f.originalSize > f.size * limits.maxRatio) throw bomb();
        return false;
      },
    });
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw notExcel();
  }
  if (!declared.size || ![...declared.keys()].some((n) => n === "[Content_Types].xml")) throw notExcel();
  let inflated = 0;
  let failure: HttpError | null = null;
  const unzip = new Unzip((file) => {
    let produced = 0;
    const limit = Math.min(declared.get(file.name) ?? 0, limits.maxEntryBytes);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = notExcel();
        return;
      }
      produced += chunk.length;
      inflated += chunk.length;
      if (produced > limit || inflated > limits.maxTotalBytes) {
        failure = bomb();
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Pushed in slices so that a lying entry is stopped after at most one slice's output.
    const step = 64 * 1024;
    for (let i = 0; i < bytes.length && !failure; i += step) unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch {
    if (!failure) failure = notExcel();
  }
  if (failure) throw failure;
}
