// Every HTTP route of dondoc, feature by feature. A feature exports its list of
// routes; adding it here mounts it, puts it under the policy check and in OpenAPI.
import { auditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { dashboardRoutes } from "./dashboard/routes.ts";
import { directiveRoutes } from "./directives/routes.ts";
import type { AnyRoute } from "./http/route.ts";
import { jobRoutes } from "./jobs/routes.ts";
import { paperRoutes } from "./papers/routes.ts";
import { reportRoutes } from "./reports/routes.ts";
import { targetRoutes } from "./targets/routes.ts";
import { unitRoutes } from "./units/routes.ts";
import { userRoutes } from "./users/routes.ts";

export const allRoutes: AnyRoute[] = [...authRoutes, ...unitRoutes, ...userRoutes, ...auditRoutes, ...jobRoutes, ...paperRoutes, ...targetRoutes, ...directiveRoutes, ...dashboardRoutes, ...reportRoutes];
