import { todayInVietnam } from "../../domain/format.ts";
import { subtreeIds } from "../../domain/units.ts";
import type { Queryable } from "../db/schema.ts";
import type { AuthUser } from "../http/route.ts";
import type { Scope } from "../policy.ts";
import { unitsAsOf } from "./queries.ts";

/**
 * The units a user's scope reaches today: all of the province, or their own units
 * and everything under them. Returns null for "all" so callers can skip the filter.
 */
export async function reachableUnitIds(db: Queryable, user: AuthUser, scope: Scope, day = todayInVietnam()): Promise<Set<string> | null> {
  if (scope === "province") return null;
  if (scope === "self") return new Set();
  return subtreeIds(await unitsAsOf(db, user.provinceId, day), user.unitIds);
}
