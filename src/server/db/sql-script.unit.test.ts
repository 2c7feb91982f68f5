import { expect, it } from "vitest";
import { splitSqlScript } from "./sql-script.ts";

it("splits at top-level semicolons only", () => {
  const script = `
create table a (x text default 'a;b'); -- a comment; with a semicolon
create function f() returns trigger language plpgsql as $$
begin raise exception 'x;y'; end $$;
select "we;ird" from a;`;
  expect(splitSqlScript(script)).toEqual([
    "create table a (x text default 'a;b')",
    "create function f() returns trigger language plpgsql as $$\nbegin raise exception 'x;y'; end $$",
    'select "we;ird" from a',
  ]);
});
