// The one way the browser talks to the server: JSON in and out, the CSRF token on every
// change, the server's Vietnamese error message carried in an ApiError, a sign-in page
// when the session has ended, uploads with progress and file downloads.

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.";

/** An error answered by the server (or the network), with the message a user can read. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** On a 409 (someone else changed the data), the data as it is now. */
  get current(): unknown {
    return this.status === 409 && this.details && typeof this.details === "object" ? (this.details as { current?: unknown }).current : undefined;
  }

  /** Field problems of a 400 "invalid_input": [{ path, message }]. */
  get fields(): { path: string; message: string }[] {
    const f = (this.details as { fields?: unknown } | null)?.fields;
    return Array.isArray(f) ? (f as { path: string; message: string }[]) : [];
  }

  /** A list of problems the server named (e.g. every error in an imported file). */
  get problems(): string[] {
    const p = (this.details as { problems?: unknown } | null)?.problems;
    return Array.isArray(p) ? p.map(String) : [];
  }
}

/** The message to show for any error: the server's own, or a plain Vietnamese fallback. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === "AbortError") return "Đã hủy thao tác.";
  return NETWORK_MESSAGE;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session provider hands the token out after GET /api/session and after sign-in. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an API call answers 401 (the session ended): the app shows the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

let sessionInFlight: Promise<unknown> | null = null;

/**
 * GET /api/session, one request at a time: calls made while one is on its way share its answer. Before
 * sign-in the server hands out a new token (and cookie) to each request without one, so two requests at
 * once (the app starting, a form sent before it finished) would leave the page with one token and the
 * cookie with the other, and the next post refused.
 */
export function loadSession<T extends { csrfToken?: string }>(): Promise<T> {
  sessionInFlight ??= (async () => {
    try {
      const res = await fetch("/api/session", { credentials: "same-origin", headers: { Accept: "application/json" } });
      const text = await res.text();
      if (!res.ok) throw errorFromBody(res.status, parseJson(text) as ErrorBody | null);
      const body = parseJson(text) as T;
      csrfToken = body.csrfToken ?? null;
      return body;
    } finally {
      sessionInFlight = null;
    }
  })();
  return sessionInFlight as Promise<T>;
}

/** The token to send with a state-changing request (a multipart upload builds its own request). */
export async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  await loadSession();
  return csrfToken ?? "";
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

function errorFromBody(status: number, body: ErrorBody | null): ApiError {
  const e = body?.error;
  const fallback =
    status === 403
      ? "Bạn không có quyền thực hiện thao tác này."
      : status === 404
        ? "Không tìm thấy dữ liệu yêu cầu."
        : status === 413
          ? "Dữ liệu gửi lên quá lớn."
          : status >= 500
            ? "Đã xảy ra lỗi ở máy chủ; thao tác chưa được thực hiện. Hãy thử lại."
            : "Yêu cầu không thực hiện được.";
  return new ApiError(status, e?.code ?? `http_${status}`, e?.message ?? fallback, e?.details ?? null);
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Paths whose 401 is an answer, not an ended session (a wrong password at sign-in). */
const AUTH_PATHS = ["/api/auth/login", "/api/session"];

function handleUnauthorized(path: string, status: number): void {
  if (status === 401 && !AUTH_PATHS.some((p) => path.startsWith(p))) {
    csrfToken = null;
    onUnauthorized?.();
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRF-Token"] = await ensureCsrfToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  const text = await res.text();
  if (!res.ok) {
    const err = errorFromBody(res.status, parseJson(text) as ErrorBody | null);
    // A stale token (the session was renewed elsewhere): fetch a fresh one and try once more.
    if (err.code === "csrf" && !retried) {
      csrfToken = null;
      return request<T>(method, path, body, options, true);
    }
    handleUnauthorized(path, res.status);
    throw err;
  }
  if (res.status === 204 || !text) return undefined as T;
  return parseJson(text) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PUT", path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("PATCH", path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>("DELETE", path, undefined, options),
};

/** Builds a query string from the defined, non-empty values: { asOf: "2025-07-01" } → "?asOf=2025-07-01". */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export interface UploadOptions {
  /** Called with the fraction sent, 0…1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** The form field of the file ("file" unless told). */
  field?: string;
  /** Other form fields sent with the file. */
  fields?: Record<string, string>;
}

/** Uploads a file as multipart/form-data, reporting progress (fetch cannot). */
export async function uploadWithProgress<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const token = await ensureCsrfToken();
  const form = new FormData();
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  form.append(options.field ?? "file", file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as T);
      } else {
        handleUnauthorized(path, xhr.status);
        if ((body as ErrorBody | null)?.error?.code === "csrf") csrfToken = null;
        reject(errorFromBody(xhr.status, body as ErrorBody | null));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", NETWORK_MESSAGE));
    xhr.onabort = () => reject(new DOMException("Đã hủy tải lên.", "AbortError"));
    if (options.signal) {
      if (options.signal.aborted) return xhr.abort();
      options.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {}
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file the server produces and saves it under the name the server gives. */
export async function download(path: string, fallbackName: string, options: RequestOptions = {}): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin", signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  if (!res.ok) {
    handleUnauthorized(path, res.status);
    throw errorFromBody(res.status, parseJson(await res.text()) as ErrorBody | null);
  }
  const name = fileNameFrom(res.headers.get("content-disposition"), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
