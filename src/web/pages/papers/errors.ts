// Reading the errors the API client throws: the server's Vietnamese message, status and details.
import { ApiError } from "../../api/client.ts";

export { errorMessage } from "../../api/client.ts";

export function errorStatus(e: unknown): number | undefined {
  return e instanceof ApiError ? e.status : undefined;
}

export function errorDetails(e: unknown): unknown {
  return e instanceof ApiError ? e.details : null;
}
