// What the background jobs API answers (src/server/jobs/routes.ts), declared once for the
// server, which returns this type, and the browser (the report dialog), which polls it.
//
// Instants are the type parameter `At`: the server reads them as Dates (`At = Date`), which JSON
// writes as ISO strings, what the browser reads (`At = string`, the default).

export type JobStatus = "queued" | "running" | "done" | "failed";

/** What a job produced, as its handler returned it; a job that writes a file names it. */
export interface JobResult {
  fileId?: string;
  name?: string;
  fingerprint?: string;
  [key: string]: unknown;
}

/** GET /api/jobs/:id: a job's progress, and its file once done (downloadUrl). */
export interface JobView<At = string> {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
  createdAt: At;
  finishedAt: At | null;
  result: JobResult | null;
  downloadUrl: string | null;
}
