// Every HTTP route of dondoc, feature by feature. A feature exports its list of
// routes; adding it here mounts it, puts it under the policy check and in OpenAPI.
import { authRoutes } from "./auth/routes.ts";
import type { AnyRoute } from "./http/route.ts";

export const allRoutes: AnyRoute[] = [...authRoutes];
