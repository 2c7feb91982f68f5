import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { loadDemoIfEmpty } from "./demo/load.ts";
import { startWorker } from "./jobs/queue.ts";

export interface RunningServer {
  url: string;
  handle: DatabaseHandle;
  stop(): Promise<void>;
}

/** Opens the database, brings its schema up to date, loads the demo on a new one, and serves. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log(`Đã cập nhật cấu trúc cơ sở dữ liệu: ${applied.join(", ")}`);
    if (config.loadDemo) await loadDemoIfEmpty(handle.db, log);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const worker = config.runWorker ? startWorker(handle.db) : null;
  const app = createApp({ db: handle.db, engine: handle.engine, config, notifyJobs: () => worker?.wake() });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new Error(`Cổng ${config.port} đang được chương trình khác dùng; hãy đặt PORT khác.`) : e),
    );
  }).catch(async (e) => {
    await worker?.stop();
    await handle.close();
    throw e;
  });
  let stopping: Promise<void> | null = null;
  return {
    url: config.baseUrl,
    handle,
    stop() {
      stopping ??= (async () => {
        // Stop taking requests, let those under way finish, then close the database cleanly.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker?.stop();
        await handle.close();
      })();
      return stopping;
    },
  };
}
