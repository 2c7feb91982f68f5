import { connect } from "node:net";

/** Where database tests find PostgreSQL; CI and this machine kind have it at 127.0.0.1:5432. */
export const TEST_POSTGRES_URL = process.env.DONDOC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether something accepts connections at the test server's address (checked before any test runs). */
export function postgresReachable(url = TEST_POSTGRES_URL, timeoutMs = 1500): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
