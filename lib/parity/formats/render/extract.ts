import { isMap, type Node } from "yaml";
import { resolveImage } from "../../catalog";
import type { Environment, ExtractResult, FormatFile } from "../../types";
import { joinPathLoosely } from "../shared/paths";
import { literalSetting, serviceUse, stagingOrProd, urlUse, workerUse } from "../shared/platform-helpers";
import { get, items, keyNode, readYaml, text, type YamlFile } from "../shared/platform-yaml";

/** Native runtimes and the env var Render reads their version from (render.com/docs/*-version). */
const RUNTIMES: Record<string, { engine: string; versionKey: string }> = {
  node: { engine: "node", versionKey: "NODE_VERSION" },
  python: { engine: "python", versionKey: "PYTHON_VERSION" },
  ruby: { engine: "ruby", versionKey: "RUBY_VERSION" },
  go: { engine: "go", versionKey: "GO_VERSION" },
  elixir: { engine: "elixir", versionKey: "ELIXIR_VERSION" },
  rust: { engine: "rust", versionKey: "RUST_VERSION" },
};

const KEY_VALUE_TYPES = new Set(["redis", "keyvalue"]);

type Out = Required<Pick<ExtractResult, "uses" | "envKeys" | "literals" | "references">>;

function names(list: Node[], filter: (item: Node) => boolean = () => true): Set<string> {
  return new Set(list.filter(filter).map((item) => text(get(item, "name")) ?? ""));
}

/** `envVars` of a service or an env var group: keys read, literal URLs, links to other resources. */
function readEnvVars(
  yaml: YamlFile,
  list: Node | undefined,
  known: { databases: Set<string>; keyValues: Set<string> },
  environment: Environment | undefined,
  out: Out,
): void {
  for (const item of items(list)) {
    const key = text(get(item, "key"));
    const line = yaml.line(item);
    if (key) out.envKeys.push({ key, line, role: "reads", ...(environment ? { environment } : {}) });
    const value = text(get(item, "value"));
    if (key && value !== null) {
      const use = urlUse(key, value, yaml.line(get(item, "value"), line), environment, key);
      if (use) out.uses.push(use);
      const literal = literalSetting(key, value, yaml.line(get(item, "value"), line), environment);
      if (literal) out.literals.push(literal);
    }
    // A link to a resource this file does not define still says what prod connects to.
    const fromDatabase = text(get(get(item, "fromDatabase"), "name"));
    if (fromDatabase && !known.databases.has(fromDatabase)) {
      const at = yaml.line(keyNode(item, "fromDatabase"), line);
      out.uses.push(
        serviceUse({
          kind: "database",
          engine: "postgres",
          line: at,
          raw: `fromDatabase: ${fromDatabase}`,
          via: "addon",
          name: fromDatabase,
          ...(environment ? { environment } : {}),
        }),
      );
    }
    const fromService = get(item, "fromService");
    const serviceType = text(get(fromService, "type"));
    const serviceName = text(get(fromService, "name")) ?? "";
    if (serviceType && KEY_VALUE_TYPES.has(serviceType) && !known.keyValues.has(serviceName)) {
      out.uses.push(
        serviceUse({
          kind: "cache",
          engine: "redis",
          line: yaml.line(keyNode(item, "fromService"), line),
          raw: `fromService: ${serviceType} ${serviceName}`,
          via: "addon",
          name: serviceName,
          ...(environment ? { environment } : {}),
        }),
      );
    }
  }
}

function readService(
  yaml: YamlFile,
  service: Node,
  known: { databases: Set<string>; keyValues: Set<string> },
  environment: Environment | undefined,
  out: Out,
): void {
  const type = text(get(service, "type")) ?? "";
  const name = text(get(service, "name")) ?? type;
  const env = environment ? { environment } : {};
  if (KEY_VALUE_TYPES.has(type)) {
    out.uses.push(
      serviceUse({
        kind: "cache",
        engine: "redis",
        line: yaml.line(service),
        raw: `type: ${type}`,
        via: "resource",
        name,
        ...env,
      }),
    );
    return;
  }
  const runtimeNode = get(service, "runtime") ?? get(service, "env");
  const runtime = text(runtimeNode) ?? "";
  const native = RUNTIMES[runtime];
  if (native) {
    const versionVar = items(get(service, "envVars")).find((item) => text(get(item, "key")) === native.versionKey);
    const version = versionVar ? text(get(versionVar, "value")) : null;
    const line = version !== null && versionVar ? yaml.line(get(versionVar, "value")) : yaml.line(runtimeNode);
    const raw = version !== null ? `runtime: ${runtime}, ${native.versionKey}=${version}` : `runtime: ${runtime}`;
    out.uses.push(
      serviceUse({ kind: "runtime", engine: native.engine, version, line, raw, via: "setting", name, ...env }),
    );
  }
  const dockerfile = text(get(service, "dockerfilePath"));
  if (dockerfile) {
    out.references.push({
      path: joinPathLoosely("", dockerfile),
      environment: environment ?? "prod",
      line: yaml.line(get(service, "dockerfilePath")),
    });
  }
  const imageNode = get(get(service, "image"), "url");
  const image = text(imageNode);
  const resolved = image ? resolveImage(image) : null;
  if (image && resolved) {
    out.uses.push({ ...resolved, line: yaml.line(imageNode), raw: `image: ${image}`, via: "image", name, ...env });
  }
  // A disk under a database image is that database's data, not the app's file storage.
  const disk = get(service, "disk");
  if (isMap(disk) && !(resolved && resolved.kind !== "runtime")) {
    const mountPath = text(get(disk, "mountPath")) ?? "";
    out.uses.push(
      serviceUse({
        kind: "storage",
        engine: "local-disk",
        line: yaml.line(keyNode(service, "disk")),
        raw: `disk: ${mountPath}`,
        via: "resource",
        name,
        ...env,
      }),
    );
  }
  for (const command of [get(service, "startCommand"), get(service, "dockerCommand")]) {
    const commandText = text(command);
    const use = commandText ? workerUse(commandText, yaml.line(command), environment, name) : null;
    if (use) out.uses.push(use);
  }
  readEnvVars(yaml, get(service, "envVars"), known, environment, out);
}

/** `services`, `databases` and `envVarGroups` of a blueprint or of one project environment. */
function readBlueprint(yaml: YamlFile, node: Node, environment: Environment | undefined, out: Out): void {
  const services = items(get(node, "services"));
  const databases = items(get(node, "databases"));
  const known = {
    databases: names(databases),
    keyValues: names(services, (s) => KEY_VALUE_TYPES.has(text(get(s, "type")) ?? "")),
  };
  for (const database of databases) {
    const name = text(get(database, "name")) ?? "database";
    const versionNode = get(database, "postgresMajorVersion");
    const version = text(versionNode);
    out.uses.push(
      serviceUse({
        kind: "database",
        engine: "postgres",
        version,
        line: version !== null ? yaml.line(versionNode) : yaml.line(database),
        raw: version !== null ? `postgresMajorVersion: ${version}` : `databases: ${name}`,
        via: "resource",
        name,
        ...(environment ? { environment } : {}),
      }),
    );
  }
  for (const service of services) readService(yaml, service, known, environment, out);
  for (const group of items(get(node, "envVarGroups")))
    readEnvVars(yaml, get(group, "envVars"), known, environment, out);
}

/**
 * Render Blueprints (https://render.com/docs/blueprint-spec): services (web, worker, pserv,
 * cron, keyvalue/redis), databases (Render Postgres, `postgresMajorVersion`), env var groups and
 * `projects[].environments[]`, whose name says staging or prod. Preview environments copy the
 * production services: they add no facts of their own.
 */
export function extractRender(file: FormatFile): ExtractResult {
  const yaml = readYaml(file.content, "render.yaml");
  const out: Out = { uses: [], envKeys: [], literals: [], references: [] };
  const environment = stagingOrProd(file.path);
  if (isMap(yaml.root)) {
    readBlueprint(yaml, yaml.root, undefined, out);
    for (const project of items(get(yaml.root, "projects"))) {
      for (const env of items(get(project, "environments"))) {
        readBlueprint(yaml, env, stagingOrProd(text(get(env, "name"))), out);
      }
    }
  }
  const references = out.references.map((r) => ({
    ...r,
    environment: r.environment === "prod" ? environment : r.environment,
  }));
  return {
    uses: out.uses,
    envKeys: out.envKeys,
    literals: out.literals,
    ...(references.length > 0 ? { references } : {}),
    environment,
    problems: yaml.problems,
  };
}
