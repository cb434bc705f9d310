import type { Node } from "yaml";
import { resolveUrlScheme } from "../../catalog";
import { isSecretKey, REDACTED, redactUrl, redactValue } from "../../redact";
import type { EnvKeyUse, ExtractedUse, LiteralSetting, Problem } from "../../types";
import { imageUse } from "./image-use";
import { getNode, getPath, mapEntries, parseYamlDocuments, scalarText, seqItems } from "./yaml-nodes";

/** One container image in a workload, before deciding whether it is a backing service. */
export interface ContainerImage {
  image: string;
  line: number;
  workload: string;
  /** The workload's kind (`Deployment`, `StatefulSet`...), for kustomize deletions. */
  kind: string;
  container: string;
}

export interface ManifestFacts {
  /** True when at least one document has `apiVersion` and `kind`. */
  isKubernetes: boolean;
  images: ContainerImage[];
  /** Connection URLs in env values and ConfigMaps (`DATABASE_URL: postgres://...`). */
  urlUses: ExtractedUse[];
  envKeys: EnvKeyUse[];
  literals: LiteralSetting[];
  problems: Problem[];
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  Rollout: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** Reads the facts of a (multi-document) manifest file. Never throws. */
export function readManifests(content: string): ManifestFacts {
  const parsed = parseYamlDocuments(content);
  const facts: ManifestFacts = {
    isKubernetes: false,
    images: [],
    urlUses: [],
    envKeys: [],
    literals: [],
    problems: parsed.problems,
  };
  const visit = (root: Node): void => {
    const apiVersion = scalarText(getNode(root, "apiVersion"));
    const kind = scalarText(getNode(root, "kind"));
    if (!apiVersion || !kind) return;
    facts.isKubernetes = true;
    if (kind === "List") {
      for (const item of seqItems(getNode(root, "items"))) visit(item);
      return;
    }
    const name = scalarText(getPath(root, ["metadata", "name"])) ?? kind.toLowerCase();
    const podSpecPath = POD_SPEC_PATHS[kind];
    if (podSpecPath) readPodSpec(getPath(root, podSpecPath), name, kind, facts, parsed.lineOf);
    if (kind === "ConfigMap") readConfigMap(root, name, facts, parsed.lineOf);
    if (kind === "Secret") readSecret(root, facts, parsed.lineOf);
  };
  for (const root of parsed.roots) visit(root);
  return facts;
}

function readPodSpec(
  spec: Node | undefined,
  workload: string,
  kind: string,
  facts: ManifestFacts,
  lineOf: (n: Node | undefined) => number,
) {
  const containers = [...seqItems(getNode(spec, "initContainers")), ...seqItems(getNode(spec, "containers"))];
  for (const container of containers) {
    const containerName = scalarText(getNode(container, "name")) ?? workload;
    const imageNode = getNode(container, "image");
    const image = scalarText(imageNode);
    if (image) facts.images.push({ image, line: lineOf(imageNode), workload, kind, container: containerName });
    for (const entry of seqItems(getNode(container, "env"))) readEnvEntry(entry, workload, facts, lineOf);
  }
}

function readEnvEntry(entry: Node, workload: string, facts: ManifestFacts, lineOf: (n: Node | undefined) => number) {
  const key = scalarText(getNode(entry, "name"));
  if (!key) return;
  const valueNode = getNode(entry, "value");
  const value = scalarText(valueNode);
  if (value !== undefined) {
    readSetting(key, value, lineOf(valueNode), workload, facts);
    return;
  }
  const from = getNode(entry, "valueFrom");
  // Values from Secrets and ConfigMaps are read from the environment at run time: the app
  // reads `key`, which `.env.example` should document.
  if (getNode(from, "secretKeyRef") || getNode(from, "configMapKeyRef")) {
    facts.envKeys.push({ key, line: lineOf(getNode(entry, "name")), role: "reads" });
  }
}

/** A literal setting: a connection URL names a service; credentials are literals (redacted). */
function readSetting(key: string, value: string, line: number, name: string, facts: ManifestFacts) {
  const service = resolveUrlScheme(value);
  // `redis:6379` is a host and port, not a URL: only `scheme:/...` and `jdbc:` name a service.
  if (service && /^(jdbc:)?[a-z][a-z0-9+.-]*:\//i.test(value.trim())) {
    facts.urlUses.push({
      kind: service.kind,
      engine: service.engine,
      version: null,
      pinned: null,
      line,
      raw: `${key}: ${redactUrl(value)}`,
      via: "url",
      name,
    });
    if (/:\/\/[^/@\s:]*:[^@\s]+@/.test(value)) facts.literals.push({ key, line, value: redactUrl(value) });
    return;
  }
  if (isSecretKey(key) && value !== "" && !value.includes("$(")) {
    facts.literals.push({ key, line, value: redactValue(key, value) });
  }
}

function readConfigMap(root: Node, name: string, facts: ManifestFacts, lineOf: (n: Node | undefined) => number) {
  for (const entry of mapEntries(getNode(root, "data"))) {
    const value = scalarText(entry.value);
    if (value !== undefined) readSetting(entry.key, value, lineOf(entry.value), name, facts);
  }
}

/** Secret types whose every entry is a credential (TLS keys, registry auth, SSH keys, passwords). */
const CREDENTIAL_TYPES = new Set([
  "kubernetes.io/tls",
  "kubernetes.io/dockerconfigjson",
  "kubernetes.io/dockercfg",
  "kubernetes.io/basic-auth",
  "kubernetes.io/ssh-auth",
]);

/**
 * A committed Secret's credentials are credentials in the repository. Service-binding style
 * Secrets also carry plain connection facts (`host`, `port`, `type`): only the entries that are
 * credentials by key (or by the Secret's type) are reported, so one Secret is not seven findings.
 */
function readSecret(root: Node, facts: ManifestFacts, lineOf: (n: Node | undefined) => number) {
  const everyEntry = CREDENTIAL_TYPES.has(scalarText(getNode(root, "type")) ?? "");
  for (const field of ["stringData", "data"]) {
    for (const entry of mapEntries(getNode(root, field))) {
      const value = scalarText(entry.value);
      if (!value) continue;
      if (!everyEntry && !isSecretKey(entry.key) && !/:\/\/[^/@\s]*:[^@\s]*@/.test(value)) continue;
      facts.literals.push({ key: entry.key, line: lineOf(entry.value), value: REDACTED });
    }
  }
}

/** Image facts -> uses, for images that are backing services or runtimes (not the app's own). */
export function imageUses(images: readonly ContainerImage[]): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  for (const image of images) {
    const use = imageUse(image.image, image.line, `image: ${image.image}`, image.workload);
    if (use) uses.push(use);
  }
  return uses;
}
