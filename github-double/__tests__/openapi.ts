/** GitHub's own OpenAPI description (@octokit/openapi) as validators of the double's answers. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv, { type ValidateFunction } from "ajv";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.deref.json"), "utf8"),
) as OpenApi;

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\S*$/i);
ajv.addFormat("uri-template", /^\S*$/);
ajv.addFormat("email", /^\S+@\S+$/);
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);

/** OpenAPI 3.0's `nullable` as JSON Schema: ajv refuses `nullable` without `type` and does not add
 *  null to an `enum`, both of which GitHub's description uses. */
function normalize(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalize);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = normalize(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
  return { anyOf: [out, { type: "null" }] };
}

export function validator(method: string, path: string, status: string): ValidateFunction {
  const op = spec.paths[path]?.[method];
  const schema = op?.responses[status]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`no ${status} schema for ${method} ${path}`);
  return ajv.compile(normalize(schema) as object);
}
