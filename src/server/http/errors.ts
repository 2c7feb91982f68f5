import type { ZodError } from "zod";

/** An error the user should see: an HTTP status, a stable code, and a Vietnamese message. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = "Không tìm thấy dữ liệu yêu cầu.") => new HttpError(404, "not_found", what);
export const forbidden = (what = "Bạn không có quyền thực hiện thao tác này.") => new HttpError(403, "forbidden", what);
export const badRequest = (what: string, details?: unknown) => new HttpError(400, "bad_request", what, details);

/** 409 with the row as it is now, so the client can show it and let the user redo the edit. */
export const staleEdit = (current: unknown) =>
  new HttpError(
    409,
    "conflict",
    "Dữ liệu đã được người khác thay đổi sau khi bạn mở. Hãy xem bản hiện tại rồi sửa lại.",
    { current },
  );

export interface FieldProblem {
  path: string;
  message: string;
}

export function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export function invalidInput(error: ZodError): HttpError {
  const fields = fieldProblems(error);
  const first = fields[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "";
  return new HttpError(400, "invalid_input", `Dữ liệu gửi lên không hợp lệ. ${summary}`.trim(), { fields });
}
