import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

// PGlite serves one process: two processes writing the same data folder would corrupt
// it. A lock file beside the folder holds the owner's pid; a lock whose owner is gone
// (killed, crashed) is taken over.

export class DataFolderLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `Thư mục dữ liệu "${dataDir}" đang được một tiến trình dondoc khác sử dụng (PID ${pid}). ` +
        `Hãy dừng tiến trình đó, hoặc đặt DONDOC_DATA sang thư mục khác.`,
    );
    this.name = "DataFolderLockedError";
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock for a data folder; returns the function that releases it. */
export function lockDataFolder(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) throw new DataFolderLockedError(dataDir, pid);
      rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataFolderLockedError(dataDir, -1);
}
