import type { Db } from "../db/schema.ts";
import { DEMO_STEPS } from "./steps.ts";

/** On first start (no province yet) loads the demo provinces so a newcomer can sign in at once. */
export async function loadDemoIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  const any = await db.selectFrom("provinces").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  log("Cơ sở dữ liệu mới: đang nạp dữ liệu trình diễn …");
  for (const step of DEMO_STEPS) {
    const started = Date.now();
    await step.run(db);
    log(`  ✓ ${step.label} (${((Date.now() - started) / 1000).toFixed(1)} giây)`);
  }
  return true;
}
