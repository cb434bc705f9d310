import { normalizeVersion } from "../../catalog";
import { redactText } from "../../redact";
import type { Environment, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { deployEnvironment } from "../shared/path-environment";
import { pathIndex } from "../shared/path-index";
import { basename, dirname, joinPathLoosely } from "../shared/paths";
import { stagingOrProd } from "../shared/platform-helpers";
import {
  attributeText,
  type Expr,
  evaluate,
  evaluateValue,
  type HclAttribute,
  type HclBlock,
  type HclFile,
  type HclValue,
  parseHcl,
  type Scope,
} from "./hcl";
import { moduleRule, RESOURCE_RULES, type ResourceFact } from "./resources";

/** Files Terraform loads on its own next to the .tf files: their values override defaults. */
function isAutoVars(name: string): boolean {
  return name === "terraform.tfvars" || name.endsWith(".auto.tfvars");
}

/**
 * A Terraform module is a directory: `var.x` resolves from a `variable "x"` default in any .tf
 * file beside this one, overridden by `terraform.tfvars` / `*.auto.tfvars`; `local.x` from any
 * `locals` block there. Per-environment var files (`prod.tfvars`) are chosen at plan time: unread.
 */
function directoryScope(file: FormatFile, parsed: HclFile, ctx: ExtractContext): Scope {
  const dir = dirname(file.path);
  const files: HclFile[] = [parsed];
  const tfvars: HclFile[] = [];
  for (const path of pathIndex(ctx.paths).inDirectory(dir)) {
    if (path === file.path) continue;
    const name = basename(path);
    if (!path.endsWith(".tf") && !isAutoVars(name)) continue;
    const content = ctx.readFile(path);
    if (content === undefined) continue;
    (path.endsWith(".tf") ? files : tfvars).push(parseHcl(content));
  }
  const scope: Scope = { variables: new Map(), locals: new Map() };
  for (const hcl of files) {
    for (const block of hcl.blocks) {
      const name = block.labels[0];
      const value = block.attributes.get("default");
      if (block.type === "variable" && name && value) scope.variables.set(name, value);
      if (block.type === "locals") for (const [key, attr] of block.attributes) scope.locals.set(key, attr);
    }
  }
  tfvars.sort((a, b) => a.source.length - b.source.length);
  for (const hcl of tfvars) for (const [key, attr] of hcl.attributes) scope.variables.set(key, attr);
  return scope;
}

const OTHER_ENVIRONMENT =
  /(^|[^a-z0-9])(dev|development|test|testing|qa|uat|preprod|sandbox|local|ci|e2e)([^a-z0-9]|$)/i;

/**
 * Terraform code is production unless its path names staging (`envs/staging/`, `stage/`).
 * A path that names another environment (`envs/dev/`) is left to path classification.
 */
export function terraformEnvironment(path: string): Environment | undefined {
  if (stagingOrProd(path) === "staging") return "staging";
  return OTHER_ENVIRONMENT.test(dirname(path)) ? undefined : "prod";
}

/** A `module` block that calls a local module (`source = "../modules/db"`), with its scope. */
interface Caller {
  path: string;
  block: HclBlock;
  scope: Scope;
}

const callersByContext = new WeakMap<ExtractContext, Map<string, Caller[]>>();

/** Module arguments that are Terraform's, not inputs of the called module. */
const META_ARGUMENTS = new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);

/**
 * Every call of a local module in the snapshot, by the called directory: computed once per
 * audit, parsing only the .tf files whose text has a relative `source`.
 */
function moduleCallers(ctx: ExtractContext): Map<string, Caller[]> {
  const cached = callersByContext.get(ctx);
  if (cached) return cached;
  const callers = new Map<string, Caller[]>();
  const tfFiles = pathIndex(ctx.paths).select("terraform:tf", (path) => path.endsWith(".tf"), "f");
  for (const path of tfFiles) {
    if (path.includes(".terraform/") || NOT_THE_APP.test(dirname(path))) continue;
    const content = ctx.readFile(path);
    if (
      content === undefined ||
      !content.includes("source") ||
      !(content.includes('"./') || content.includes('"../'))
    ) {
      continue;
    }
    const parsed = parseHcl(content);
    let scope: Scope | undefined;
    for (const block of parsed.blocks) {
      const source = block.type === "module" ? block.attributes.get("source") : undefined;
      const text = source?.expr.type === "literal" ? source.expr.value : null;
      if (typeof text !== "string" || !/^\.\.?\//.test(text)) continue;
      scope ??= directoryScope({ path, content }, parsed, ctx);
      const target = joinPathLoosely(dirname(path), text);
      callers.set(target, [...(callers.get(target) ?? []), { path, block, scope }]);
    }
  }
  callersByContext.set(ctx, callers);
  return callers;
}

/** An expression that evaluates to `value` (a caller's input, resolved in the caller's scope). */
function valueExpr(value: HclValue | undefined, from: number, to: number): Expr {
  if (value === undefined) return { type: "other", from, to };
  if (value === null || typeof value !== "object") return { type: "literal", value, from, to };
  if (Array.isArray(value)) return { type: "tuple", items: value.map((item) => valueExpr(item, from, to)), from, to };
  const items = Object.entries(value).map(([key, item]) => ({
    key: { type: "literal" as const, value: key, from, to },
    value: valueExpr(item, from, to),
  }));
  return { type: "object", items, from, to };
}

/**
 * The module's scope as one caller runs it: each input the caller passes replaces the variable's
 * default, resolved in the caller's own scope (its variables, tfvars and locals); an input whose
 * value the repository does not show makes the variable unknown, never the default.
 */
function scopeForCaller(scope: Scope, caller: Caller): Scope {
  const variables = new Map(scope.variables);
  for (const [name, attr] of caller.block.attributes) {
    if (META_ARGUMENTS.has(name)) continue;
    const value = evaluateValue(attr, caller.scope);
    variables.set(name, { ...attr, expr: valueExpr(value, attr.expr.from, attr.expr.to) });
  }
  return { variables, locals: scope.locals };
}

/** The environment a caller deploys the module to: its path's, else prod. */
function callerEnvironment(path: string): Environment {
  return terraformEnvironment(path) ?? deployEnvironment(dirname(path));
}

/** Folders whose Terraform is not the application's infrastructure: CI's own, examples. */
const NOT_THE_APP = /(^|\/)(\.github|\.gitlab|\.circleci|examples?)(\/|$)/;

/** A value as a condition: `true`/`false` literals, variables and locals resolved. */
function truth(expr: Expr, file: HclFile, scope: Scope): boolean | undefined {
  const value = evaluateValue({ name: "", line: 1, expr, file }, scope);
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return undefined;
}

/** `count = 0`, `count = var.enabled ? 1 : 0` with the variable false, `enabled`/`create = false`. */
function isDisabled(block: HclBlock, scope: Scope): boolean {
  const count = block.attributes.get("count");
  if (count) {
    let expr = count.expr;
    while (expr.type === "conditional") {
      const test = truth(expr.test, count.file, scope);
      if (test === undefined) break;
      expr = test ? expr.yes : expr.no;
    }
    const value = evaluateValue({ ...count, expr }, scope);
    if (value === 0 || value === "0") return true;
  }
  if (block.type === "module") {
    for (const name of ["enabled", "create"]) {
      const attr = block.attributes.get(name);
      if (attr && truth(attr.expr, attr.file, scope) === false) return true;
    }
  }
  return false;
}

/** Buckets a `backend` block keeps Terraform state in (`backend "gcs" { bucket = "..." }`). */
function backendBuckets(parsed: HclFile, scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const block of parsed.blocks) {
    if (block.type !== "terraform") continue;
    for (const backend of block.blocks) {
      if (backend.type !== "backend") continue;
      const bucket = backend.attributes.get("bucket");
      const name = bucket ? evaluate(bucket, scope) : null;
      if (name) out.add(name);
    }
  }
  return out;
}

/** A bucket that holds Terraform state is the tooling's, not storage the application uses. */
function isStateBucket(label: string, read: (arg: string) => string | null, backends: Set<string>): boolean {
  const name = read("bucket") ?? read("name") ?? "";
  if (backends.has(name)) return true;
  return [label, name].some((text) => /(tf|terraform)[-_]?state/i.test(text));
}

function toUse(block: HclBlock, fact: ResourceFact, scope: Scope, name: string): ExtractedUse {
  const attr = fact.at.map((arg) => block.attributes.get(arg)).find((a): a is HclAttribute => a !== undefined);
  let raw = attr ? attributeText(attr) : `${block.type} ${block.labels.map((l) => `"${l}"`).join(" ")}`;
  const resolved = attr ? evaluate(attr, scope) : null;
  // Show the value a reference resolved to beside the reference itself.
  const expression = attr ? attr.file.source.slice(attr.expr.from, attr.expr.to) : "";
  if (resolved !== null && /\b(var|local)\./.test(expression)) raw += ` (= "${resolved}")`;
  const version = fact.version !== null ? normalizeVersion(fact.engine, fact.version) : null;
  return {
    kind: fact.kind,
    engine: fact.engine,
    version,
    pinned: null,
    line: attr?.line ?? block.line,
    raw: redactText(raw).slice(0, 200),
    via: "resource",
    name,
  };
}

/**
 * Terraform (`**\/*.tf`), parsed with a real HCL grammar (see hcl.ts): managed resources of the
 * clouds' database, cache, broker, storage and search services, registry modules that wrap them,
 * and Lambda runtimes. Versions come from the arguments, resolved through `var.`/`local.` when
 * the value is visible in the directory. Data sources and providers are not services.
 */
export function extractTerraform(file: FormatFile, ctx: ExtractContext): ExtractResult {
  if (/(^|\/)\.terraform\//.test(file.path)) return { uses: [], problems: [] };
  const parsed = parseHcl(file.content);
  // CI's own infrastructure (`.github/terraform`: a test cluster, its state bucket) and examples
  // are not what the application runs on: their syntax is checked, their resources not read.
  if (NOT_THE_APP.test(dirname(file.path))) return { uses: [], problems: parsed.problems };
  const scope = directoryScope(file, parsed, ctx);
  const callers = moduleCallers(ctx).get(dirname(file.path)) ?? [];
  const environment = terraformEnvironment(file.path);
  if (callers.length === 0) {
    return { uses: blockUses(parsed, scope), ...(environment ? { environment } : {}), problems: parsed.problems };
  }
  // A local module runs where its callers run it, with their inputs: one set of uses per caller
  // (`envs/prod` passing engine_version = "15.4", `envs/staging` another).
  const uses: ExtractedUse[] = [];
  const seen = new Set<string>();
  for (const caller of callers) {
    if (isDisabled(caller.block, caller.scope)) continue;
    const callerEnv = callerEnvironment(caller.path);
    for (const use of blockUses(parsed, scopeForCaller(scope, caller))) {
      const key = `${callerEnv}\u0000${use.line}\u0000${use.engine}\u0000${use.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      uses.push({ ...use, environment: callerEnv });
    }
  }
  return { uses, ...(environment ? { environment } : {}), problems: parsed.problems };
}

function blockUses(parsed: HclFile, scope: Scope): ExtractedUse[] {
  const stateBuckets = backendBuckets(parsed, scope);
  const uses: ExtractedUse[] = [];
  for (const block of parsed.blocks) {
    const read = (arg: string) => {
      const attr = block.attributes.get(arg);
      return attr ? evaluate(attr, scope) : null;
    };
    if (isDisabled(block, scope)) continue;
    if (block.type === "resource" && block.labels.length >= 2) {
      const [type, label] = block.labels as [string, string];
      const fact = RESOURCE_RULES[type]?.(read) ?? null;
      if (fact && fact.kind === "storage" && isStateBucket(label, read, stateBuckets)) continue;
      if (fact) uses.push(toUse(block, fact, scope, `${type}.${label}`));
    } else if (block.type === "module" && block.labels[0]) {
      const rule = moduleRule(read("source") ?? "");
      const fact = rule?.(read) ?? null;
      if (fact) uses.push(toUse(block, fact, scope, `module.${block.labels[0]}`));
    }
  }
  return uses;
}
