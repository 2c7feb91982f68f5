import { type Kysely, sql } from "kysely";

/**
 * Splits an SQL script into statements at top-level semicolons, leaving alone those
 * inside quotes, dollar-quoted bodies and comments. PGlite's query protocol takes one
 * statement at a time, so migrations are run statement by statement on both engines.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < script.length) {
    const ch = script[i]!;
    const rest = script.slice(i);
    if (rest.startsWith("--")) {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end + 1;
      current += "\n";
      continue;
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const end = script.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? script.length : end + dollar[0].length;
      current += script.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < script.length && !(script[j] === ch && script[j + 1] !== ch)) j += script[j] === ch ? 2 : 1;
      current += script.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

export async function runSqlScript(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of splitSqlScript(script)) await sql.raw(statement).execute(db);
}
