import { z } from "zod";
import type { AnyRoute } from "./route.ts";

// The OpenAPI document is generated from the same route declarations the server runs,
// so it cannot drift from the API.

function jsonSchema(schema: z.ZodType, io: "input" | "output"): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: "any" });
  } catch {
    return {};
  }
}

function queryParameters(schema: z.ZodType | undefined, location: "query" | "path"): unknown[] {
  if (!schema) return [];
  const json = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(routes: AnyRoute[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const responses: Record<string, unknown> = {
      "400": { description: "Dữ liệu không hợp lệ" },
      ...(r.access === "public" ? {} : { "401": { description: "Chưa đăng nhập" }, "403": { description: "Không có quyền" } }),
    };
    responses["200"] = r.response
      ? { description: "Thành công", content: { "application/json": { schema: jsonSchema(r.response, "output") } } }
      : { description: "Thành công" };
    const operation: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags ?? [],
      "x-dondoc-access": r.access,
      parameters: [...queryParameters(r.params, "path"), ...queryParameters(r.query, "query")],
      responses,
      ...(r.access === "public" ? { security: [] } : {}),
    };
    if (r.body === "multipart") {
      operation.requestBody = {
        required: true,
        content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } },
      };
    } else if (r.body) {
      operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } };
    }
    (paths[path] ??= {})[r.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "dondoc API",
      version,
      description:
        "API của dondoc — theo dõi, đôn đốc thực hiện nhiệm vụ. Mọi yêu cầu thay đổi dữ liệu phải gửi kèm tiêu đề X-CSRF-Token lấy từ GET /api/session.",
    },
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "dondoc_session" } },
    },
    security: [{ session: [] }],
    paths,
  };
}
