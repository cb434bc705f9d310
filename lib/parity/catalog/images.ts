import type { ServiceKind } from "../types";
import { engineGranularity } from "./engines";
import { normalizeVersion } from "./versions";

/** What an image name says about the service it runs. */
interface ImageRule {
  /** Matches the image repository without registry and tag (`bitnami/postgresql`). */
  match: RegExp;
  kind: ServiceKind;
  engine: string;
  /** The product this stands in for, when it is an emulator that counts as parity. */
  emulator?: string;
  /** Tags of this image carry another product's version (e.g. timescaledb `2.14-pg16`). */
  versionFromTag?: (tag: string) => string | null;
}

const pgSuffix = (tag: string) => /pg(\d+)/.exec(tag)?.[1] ?? null;

/** Dev container images tag `<image major>-<language version>-<distro>` (`0-17-bullseye` is Java 17). */
const devcontainerTag = (tag: string) =>
  /^\d+-(\d+(?:\.\d+)?)/.exec(tag)?.[1] ?? /^(\d+(?:\.\d+)?)/.exec(tag)?.[1] ?? null;

/** Order matters: the first match wins. Names are compared without registry prefix. */
const IMAGE_RULES: ImageRule[] = [
  {
    match: /(^|\/)devcontainers\/(javascript-|typescript-)?node$/,
    kind: "runtime",
    engine: "node",
    versionFromTag: devcontainerTag,
  },
  { match: /(^|\/)devcontainers\/java$/, kind: "runtime", engine: "java", versionFromTag: devcontainerTag },
  { match: /(^|\/)devcontainers\/python$/, kind: "runtime", engine: "python", versionFromTag: devcontainerTag },
  { match: /(^|\/)devcontainers\/ruby$/, kind: "runtime", engine: "ruby", versionFromTag: devcontainerTag },
  { match: /(^|\/)devcontainers\/go$/, kind: "runtime", engine: "go", versionFromTag: devcontainerTag },
  { match: /(^|\/)devcontainers\/php$/, kind: "runtime", engine: "php", versionFromTag: devcontainerTag },
  {
    // `pgvector/pgvector:pg17` and `bitnami/postgresql:16.4.0` both say the Postgres major.
    match: /(^|\/)(postgres|postgresql|postgis|pgvector)$/,
    kind: "database",
    engine: "postgres",
    versionFromTag: (t) => pgSuffix(t) ?? /^v?(\d+(?:\.\d+)*)/.exec(t)?.[1] ?? null,
  },
  {
    match: /^postgis\/postgis$/,
    kind: "database",
    engine: "postgres",
    versionFromTag: (t) => /^(\d+)/.exec(t)?.[1] ?? null,
  },
  { match: /^timescale\/timescaledb(-ha)?$/, kind: "database", engine: "postgres", versionFromTag: pgSuffix },
  { match: /^pgvector\/pgvector$/, kind: "database", engine: "postgres", versionFromTag: pgSuffix },
  { match: /^supabase\/postgres$/, kind: "database", engine: "postgres" },
  { match: /(^|\/)(mysql|mysql-server|percona|percona-server)$/, kind: "database", engine: "mysql" },
  { match: /(^|\/)mariadb$/, kind: "database", engine: "mariadb" },
  { match: /(^|\/)(mongo|mongodb|mongodb-community-server)$/, kind: "database", engine: "mongodb" },
  { match: /(^|\/)cockroach$/, kind: "database", engine: "cockroachdb" },
  { match: /(^|\/)mssql\/server$|(^|\/)azure-sql-edge$/, kind: "database", engine: "sqlserver" },
  { match: /(^|\/)(oracle-free|oracle-xe|database\/enterprise)$/, kind: "database", engine: "oracle" },
  { match: /(^|\/)(redis|redis-stack|redis-stack-server|valkey|keydb)$/, kind: "cache", engine: "redis" },
  { match: /(^|\/)memcached$/, kind: "cache", engine: "memcached" },
  { match: /(^|\/)rabbitmq$/, kind: "broker", engine: "rabbitmq" },
  { match: /(^|\/)(kafka|cp-kafka|cp-server)$/, kind: "broker", engine: "kafka" },
  { match: /(^|\/)redpanda$/, kind: "broker", engine: "kafka", emulator: "redpanda" },
  { match: /(^|\/)nats$/, kind: "broker", engine: "nats" },
  { match: /(^|\/)elasticmq(-native)?$/, kind: "broker", engine: "sqs", emulator: "elasticmq" },
  { match: /(^|\/)(activemq|activemq-artemis|artemis)$/, kind: "broker", engine: "activemq" },
  { match: /(^|\/)localstack$/, kind: "storage", engine: "s3", emulator: "localstack" },
  { match: /(^|\/)minio$/, kind: "storage", engine: "s3", emulator: "minio" },
  { match: /(^|\/)s3mock$/, kind: "storage", engine: "s3", emulator: "s3mock" },
  { match: /(^|\/)fake-gcs-server$/, kind: "storage", engine: "gcs", emulator: "fake-gcs-server" },
  { match: /(^|\/)azurite$/, kind: "storage", engine: "azure-blob", emulator: "azurite" },
  { match: /(^|\/)(elasticsearch|elasticsearch-oss)$/, kind: "search", engine: "elasticsearch" },
  { match: /(^|\/)opensearch$/, kind: "search", engine: "opensearch" },
  { match: /(^|\/)meilisearch$/, kind: "search", engine: "meilisearch" },
  { match: /(^|\/)typesense$/, kind: "search", engine: "typesense" },
  { match: /(^|\/)solr$/, kind: "search", engine: "solr" },
  { match: /(^|\/)(mailpit|mailhog|maildev|smtp4dev)$/, kind: "mail", engine: "smtp", emulator: "mailpit" },
  { match: /(^|\/)node$/, kind: "runtime", engine: "node" },
  { match: /(^|\/)(python|pypy)$/, kind: "runtime", engine: "python" },
  { match: /(^|\/)ruby$/, kind: "runtime", engine: "ruby" },
  {
    match: /(^|\/)(openjdk|eclipse-temurin|amazoncorretto|ibmjava|ibm-semeru-runtimes|sapmachine|java)$/,
    kind: "runtime",
    engine: "java",
  },
  { match: /(^|\/)golang$/, kind: "runtime", engine: "go" },
  { match: /(^|\/)php$/, kind: "runtime", engine: "php" },
  { match: /(^|\/)(dotnet\/aspnet|dotnet\/runtime|dotnet\/sdk)$/, kind: "runtime", engine: "dotnet" },
  { match: /(^|\/)elixir$/, kind: "runtime", engine: "elixir" },
  { match: /(^|\/)bun$/, kind: "runtime", engine: "bun" },
  { match: /(^|\/)deno$/, kind: "runtime", engine: "deno" },
];

export interface ParsedImage {
  /** Registry host when present (`ghcr.io`), else null. */
  registry: string | null;
  /** Repository path without registry (`library/postgres` is reduced to `postgres`). */
  name: string;
  tag: string | null;
  digest: string | null;
}

/** Splits `registry/name:tag@digest` the way Docker does. */
export function parseImageRef(ref: string): ParsedImage {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const parts = rest.split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? "")) {
    registry = parts.shift() ?? null;
  }
  let name = parts.join("/").toLowerCase();
  if (name.startsWith("library/")) name = name.slice("library/".length);
  return { registry, name, tag: tag || null, digest };
}

export interface ImageService {
  kind: ServiceKind;
  engine: string;
  version: string | null;
  pinned: boolean;
  emulator?: string;
}

/**
 * Resolves an image reference to the service it runs, or null for application images.
 * `latest`, no tag, or a bare variant (`alpine`) is unpinned; a digest is pinned, version unknown.
 */
export function resolveImage(ref: string): ImageService | null {
  // Formats resolve the same few references many times (compose asks up to four times per
  // service): the answer depends on `ref` alone, so it is kept, and each caller gets its own copy.
  let resolved = serviceByRef.get(ref);
  if (resolved === undefined) {
    resolved = resolveUncached(ref);
    if (serviceByRef.size >= RULE_CACHE_LIMIT) serviceByRef.clear();
    serviceByRef.set(ref, resolved);
  }
  if (resolved === null) return null;
  const copy: ImageService = {
    kind: resolved.kind,
    engine: resolved.engine,
    version: resolved.version,
    pinned: resolved.pinned,
  };
  if (resolved.emulator !== undefined) copy.emulator = resolved.emulator;
  return copy;
}

const serviceByRef = new Map<string, ImageService | null>();

function resolveUncached(ref: string): ImageService | null {
  if (!ref || ref.includes("${") || ref.includes("{{")) {
    // Unresolved interpolation or a template: callers resolve first; here we cannot know.
    const cleaned = ref.replace(/\$\{[^}]*\}|\{\{[^}]*\}\}/g, "");
    if (!cleaned || cleaned === ref) return null;
    const partial = resolveImage(cleaned.replace(/:$/, ""));
    return partial ? { ...partial, version: null, pinned: false } : null;
  }
  const image = parseImageRef(ref);
  const rule = ruleFor(image.name);
  if (!rule) return null;
  const { version, pinned } = versionFromTag(rule, image);
  return {
    kind: rule.kind,
    engine: rule.engine,
    version,
    pinned,
    ...(rule.emulator ? { emulator: rule.emulator } : {}),
  };
}

/**
 * The first rule matching an image name. Finding it tries up to all the rules' regexes in order
 * (most of the cost of `resolveImage`, which formats call for every image and service, over a
 * thousand times on a large monorepo), yet the answer depends on the name alone and a repository
 * names few images, so answers are kept. Bounded, so a long-lived worker's memory stays flat.
 */
const ruleByName = new Map<string, ImageRule | null>();
const RULE_CACHE_LIMIT = 4096;

function ruleFor(name: string): ImageRule | null {
  const cached = ruleByName.get(name);
  if (cached !== undefined) return cached;
  const rule = IMAGE_RULES.find((candidate) => candidate.match.test(name)) ?? null;
  if (ruleByName.size >= RULE_CACHE_LIMIT) ruleByName.clear();
  ruleByName.set(name, rule);
  return rule;
}

function versionFromTag(rule: ImageRule, image: ParsedImage): { version: string | null; pinned: boolean } {
  const tag = image.tag;
  if (!tag || tag === "latest" || tag === "stable" || tag === "edge") {
    return { version: null, pinned: Boolean(image.digest) };
  }
  const raw = rule.versionFromTag ? rule.versionFromTag(tag) : (/^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1] ?? null);
  if (!raw) return { version: null, pinned: Boolean(image.digest) };
  // `golang:1`, `python:3-slim`: the newest 1.x / 3.x, for a runtime whose compatibility unit is
  // the minor. The version is not known and the tag moves with every minor release.
  if (rule.kind === "runtime" && !raw.includes(".") && engineGranularity(rule.engine) === "minor") {
    return { version: null, pinned: false };
  }
  return { version: normalizeVersion(rule.engine, raw), pinned: true };
}
