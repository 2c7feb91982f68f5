import pg from "pg";
import { postgresReachable, TEST_POSTGRES_URL } from "./postgres.ts";

// Global setup of the "postgres" test project: the server must be there, and test
// databases left behind by killed runs are dropped.
export default async function setup(): Promise<() => Promise<void>> {
  await dropLeftovers(true);
  // After the run the workers are gone, so their databases can go too.
  return () => dropLeftovers(false);
}

async function dropLeftovers(checkReachable: boolean): Promise<void> {
  if (checkReachable && !(await postgresReachable())) {
    throw new Error(
      `PostgreSQL không truy cập được tại ${TEST_POSTGRES_URL}: các bài kiểm thử trên PostgreSQL là bắt buộc. ` +
        "Hãy khởi động PostgreSQL hoặc đặt DONDOC_TEST_DATABASE_URL.",
    );
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'dondoc_test_%'");
    for (const { datname } of rows) {
      const pid = Number(/_p(\d+)$/.exec(datname)?.[1]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {}
      if (!alive) await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

