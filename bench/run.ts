// `npm run bench` — every capability's figures at realistic and national scale, on
// PGlite and PostgreSQL. Options: --only NAME[,NAME] (foundation, extract, …),
// --engine pglite|postgres (default both).
import { parseArgs } from "node:util";
import { benchDirectives } from "./directives.ts";
import { benchExtract } from "./extract.ts";
import { benchFoundation } from "./foundation.ts";
import type { Engine } from "./lib/databases.ts";
import { benchReports } from "./reports.ts";
import { benchTargets } from "./targets.ts";

const { values } = parseArgs({ options: { only: { type: "string" }, engine: { type: "string" } } });
const only = values.only ? new Set(values.only.split(",")) : null;
const engines: Engine[] = values.engine ? [values.engine as Engine] : ["pglite", "postgres"];

const BENCHES: { name: string; run: () => Promise<void> }[] = [
  { name: "foundation", run: () => benchFoundation(engines) },
  { name: "extract", run: () => benchExtract() },
  { name: "targets", run: () => benchTargets(engines) },
  { name: "reports", run: () => benchReports(engines) },
  { name: "directives", run: () => benchDirectives(engines) },
];

console.log(`dondoc — đo hiệu năng (${new Date().toISOString().slice(0, 10)}; Node ${process.version}; máy ${(await import("node:os")).cpus().length} lõi)`);
for (const bench of BENCHES) {
  if (only && !only.has(bench.name)) continue;
  const started = performance.now();
  console.log(`\n=== ${bench.name} ===`);
  await bench.run();
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} giây)`);
}
