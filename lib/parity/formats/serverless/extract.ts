import type { Node } from "yaml";
import type { Environment, ExtractResult, FormatFile } from "../../types";
import { lambdaRuntime, literalSetting, serviceUse, stagingOrProd, urlUse } from "../shared/platform-helpers";
import { entries, get, items, keyNode, readYaml, text, type YamlFile } from "../shared/platform-yaml";
import { CFN_RULES } from "./resources";

type Out = Required<Pick<ExtractResult, "uses" | "envKeys" | "literals">>;

/**
 * A scalar's value, following `${self:path.to.key}` (alone or with a quoted fallback) inside the
 * same file. Any other variable (`${env:..}`, `${ssm:..}`, `${opt:..}`) is unknown: null.
 */
function resolveValue(root: Node | null, node: unknown, depth = 0): string | null {
  const raw = text(node);
  if (raw === null || !raw.includes("${")) return raw;
  const self = /^\$\{self:([\w.-]+)(?:\s*,\s*['"]([^'"]*)['"])?\}$/.exec(raw.trim());
  if (!self || depth > 5) return null;
  let target: unknown = root;
  for (const part of (self[1] as string).split(".")) target = get(target, part);
  return resolveValue(root, target, depth + 1) ?? self[2] ?? null;
}

function readRuntime(yaml: YamlFile, node: unknown, name: string, out: Out): void {
  const runtime = text(node);
  const parsed = runtime ? lambdaRuntime(runtime) : null;
  if (!parsed || !runtime) return;
  out.uses.push(
    serviceUse({ kind: "runtime", ...parsed, line: yaml.line(node), raw: `runtime: ${runtime}`, via: "setting", name }),
  );
}

function readEnvironment(yaml: YamlFile, node: unknown, out: Out): void {
  for (const { key, keyNode: k, value } of entries(node)) {
    const line = yaml.line(k);
    out.envKeys.push({ key, line, role: "reads" });
    const literal = resolveValue(yaml.root, value);
    if (literal === null) continue;
    const use = urlUse(key, literal, line, undefined, key);
    if (use) out.uses.push(use);
    const setting = literalSetting(key, literal, line, undefined);
    if (setting) out.literals.push(setting);
  }
}

/** `events: [{ s3: photos }]` and `sqs: arn:aws:sqs:...` name services the function is wired to. */
function readEvents(yaml: YamlFile, fn: Node | undefined, name: string, out: Out): void {
  for (const event of items(get(fn, "events"))) {
    const s3 = get(event, "s3");
    const bucket = text(s3) ?? text(get(s3, "bucket"));
    if (s3 && bucket) {
      out.uses.push(
        serviceUse({ kind: "storage", engine: "s3", line: yaml.line(s3), raw: `s3: ${bucket}`, via: "setting", name }),
      );
    }
    const sqs = get(event, "sqs");
    const arn = text(sqs) ?? text(get(sqs, "arn"));
    if (sqs && arn?.startsWith("arn:aws:sqs:")) {
      out.uses.push(
        serviceUse({ kind: "broker", engine: "sqs", line: yaml.line(sqs), raw: `sqs: ${arn}`, via: "setting", name }),
      );
    }
  }
}

function readResources(yaml: YamlFile, resources: Node | undefined, out: Out): void {
  const blocks = items(resources).length > 0 ? items(resources) : [resources];
  for (const block of blocks) {
    for (const { key: logicalId, keyNode: idNode, value } of entries(get(block, "Resources"))) {
      const type = text(get(value, "Type")) ?? "";
      const rule = CFN_RULES[type];
      if (!rule) continue;
      const properties = get(value, "Properties");
      const fact = rule((prop) => resolveValue(yaml.root, get(properties, prop)));
      if (!fact) continue;
      const prop = fact.at.find((p) => keyNode(properties, p) !== undefined);
      const line = prop ? yaml.line(keyNode(properties, prop)) : yaml.line(idNode);
      const shown = prop ? `${prop}: ${text(get(properties, prop)) ?? "(reference)"}` : `Type: ${type}`;
      out.uses.push(
        serviceUse({
          kind: fact.kind,
          engine: fact.engine,
          version: fact.version,
          line,
          raw: `${logicalId} ${shown}`,
          via: "resource",
          name: logicalId,
        }),
      );
    }
  }
}

/**
 * Serverless Framework (serverless.com/framework/docs/providers/aws/guide/serverless.yml):
 * provider and function runtimes, environment variables, S3/SQS events and the CloudFormation
 * `resources` that run databases, caches, queues, buckets and search domains. Variables resolve
 * through `${self:...}` only; the deployed stage is production unless `provider.stage` or the
 * path names staging.
 */
export function extractServerless(file: FormatFile): ExtractResult {
  const yaml = readYaml(file.content, "serverless.yml");
  const out: Out = { uses: [], envKeys: [], literals: [] };
  const provider = get(yaml.root, "provider");
  const environment: Environment = stagingOrProd(file.path, resolveValue(yaml.root, get(provider, "stage")));
  const providerRuntime = text(get(provider, "runtime"));
  readRuntime(yaml, get(provider, "runtime"), "provider", out);
  readEnvironment(yaml, get(provider, "environment"), out);
  for (const { key: name, value: fn } of entries(get(yaml.root, "functions"))) {
    const runtime = get(fn, "runtime");
    if (text(runtime) !== providerRuntime) readRuntime(yaml, runtime, name, out);
    readEnvironment(yaml, get(fn, "environment"), out);
    readEvents(yaml, fn, name, out);
  }
  readResources(yaml, get(yaml.root, "resources"), out);
  return { ...out, environment, problems: yaml.problems };
}
