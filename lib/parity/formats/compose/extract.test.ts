/// <reference types="vite/client" />
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures spell Compose and Dockerfile `${VAR}` syntax literally
import { describe, expect, it } from "vitest";
import type { ExtractedUse } from "../../types";
import { extractCompose } from "./extract";
import { interpolate } from "./interpolate";
import { fixtureRepo } from "./test-repo";

const FILES = import.meta.glob<string>(["./__fixtures__/**/*", "./__fixtures__/**/.*"], {
  query: "?raw",
  import: "default",
  eager: true,
});

function extract(dir: string, path: string) {
  const repo = fixtureRepo(FILES, dir);
  return extractCompose(repo.file(path), repo.ctx);
}

function summary(uses: ExtractedUse[]) {
  return uses.map(({ name, engine, version, pinned, line, via }) => ({ name, engine, version, pinned, line, via }));
}

describe("compose: development stack with an override file", () => {
  const base = extract("shop", "docker-compose.yml");
  const override = extract("shop", "docker-compose.override.yml");

  it("reports the base file's services, minus the one the override replaces", () => {
    expect(summary(base.uses)).toEqual([
      { name: "web", engine: "mysql", version: null, pinned: null, line: 21, via: "url" },
      { name: "cache", engine: "redis", version: "7", pinned: true, line: 36, via: "image" },
      { name: "minio", engine: "s3", version: null, pinned: false, line: 39, via: "image" },
      { name: "search", engine: "meilisearch", version: "1.6", pinned: true, line: 46, via: "image" },
    ]);
    expect(base.uses.find((use) => use.engine === "s3")?.emulator).toBe("minio");
  });

  it("reports the effective postgres from the override, interpolated from the sibling .env", () => {
    expect(summary(override.uses)).toEqual([
      { name: "db", engine: "postgres", version: "16", pinned: true, line: 4, via: "image" },
    ]);
    expect(override.uses[0]?.raw).toBe("image: postgres:${PG_VERSION:-15} -> postgres:16");
  });

  it("records profiles and keeps `${VAR:-default}` when .env sets the variable empty", () => {
    expect(base.uses.find((use) => use.name === "search")?.raw).toContain("(profiles: search)");
  });

  it("skips URLs that point at a service of the same file and redacts the others", () => {
    expect(base.uses.some((use) => use.via === "url" && use.engine === "postgres")).toBe(false);
    const analytics = base.uses.find((use) => use.via === "url");
    expect(analytics?.raw).toBe("ANALYTICS_DATABASE_URL=mysql://reporting:***@analytics.internal:3306/events");
  });

  it("lists the keys application services read, the overridden one from the override", () => {
    expect(base.envKeys?.map((key) => key.key)).toEqual([
      "NODE_ENV",
      "DATABASE_URL",
      "S3_ENDPOINT",
      "SEARCH_URL",
      "ANALYTICS_DATABASE_URL",
    ]);
    expect(override.envKeys).toEqual([{ key: "REDIS_URL", line: 9, role: "reads" }]);
  });

  it("is a one-command dev environment, not prod", () => {
    expect(base.providesDevEnvironment).toBe(true);
    // Its header says so: "# Local development stack for the shop."
    expect(base.environment).toBe("dev");
    expect(base.reason).toBe('its header says "Local development"');
    expect(base.literals).toEqual([]);
  });
});

describe("compose: self-hosting definition", () => {
  const prod = extract("shop", "docker-compose.prod.yml");

  it("is prod by its name (the path rules place it) and is not a dev environment", () => {
    // The name says prod: the path rule places it, content classification adds nothing.
    expect(prod.environment).toBeUndefined();
    expect(prod.providesDevEnvironment).toBe(false);
  });

  it("reports backing services and the literal password, redacted", () => {
    expect(summary(prod.uses)).toEqual([
      { name: "postgres", engine: "postgres", version: "16", pinned: true, line: 16, via: "image" },
      { name: "redis", engine: "redis", version: "7", pinned: true, line: 24, via: "image" },
    ]);
    expect(prod.literals).toEqual([{ key: "POSTGRES_PASSWORD", line: 20, value: "***", environment: "prod" }]);
    expect(JSON.stringify(prod)).not.toContain("hunter2");
  });

  it("reads env keys the app takes from the environment", () => {
    expect(prod.envKeys?.map((key) => key.key)).toEqual(["NODE_ENV", "DATABASE_URL", "SESSION_SECRET", "REDIS_URL"]);
  });

  it("is prod by content when it runs the repository's own published image", () => {
    // Without its "# Self-hosting" header comment, which would say so by itself.
    const content = (FILES["./__fixtures__/shop/docker-compose.prod.yml"] ?? "").replace(/^#.*\n/, "");
    const ctx = { paths: ["compose.yml"], readFile: () => undefined };
    const own = extractCompose({ path: "compose.yml", content }, { ...ctx, repository: "acme/shop" });
    expect(own.environment).toBe("prod");
    expect(own.reason).toBe("runs the published image acme/shop:1.4.2 with no build of the source");
    // Someone else's image (a tool, a service the catalog does not know) is not the app.
    const other = extractCompose({ path: "compose.yml", content }, { ...ctx, repository: "globex/billing" });
    expect(other.environment).toBeUndefined();
  });

  it("reports a credential a substitution falls back to, redacted (it runs whenever the variable is unset)", () => {
    const content =
      "# Self-hosting stack\nservices:\n  web:\n    image: acme/shop:1.4.2\n    environment:\n" +
      "      SECRET_KEY_BASE: ${SECRET_KEY_BASE:-5e0f9a1c77d2}\n      SMTP_PASSWORD: ${SMTP_PASSWORD:-}\n";
    const result = extractCompose(
      { path: "compose.yml", content },
      { paths: ["compose.yml"], readFile: () => undefined },
    );
    expect(result.literals).toEqual([
      { key: "SECRET_KEY_BASE", line: 6, value: "*** (fallback of ${SECRET_KEY_BASE})", environment: "prod" },
    ]);
    expect(JSON.stringify(result)).not.toContain("5e0f9a1c77d2");
  });

  it("is not prod when the app mounts its source", () => {
    const result = extract("selfhost", "compose.yml");
    expect(result.environment).toBeUndefined();
  });
});

describe("compose: file shapes", () => {
  it("reads v1 files with services at the top level", () => {
    const result = extract("legacy", "docker-compose.yml");
    expect(summary(result.uses)).toEqual([
      { name: "mysql", engine: "mysql", version: "5.7", pinned: true, line: 12, via: "image" },
      { name: "memcached", engine: "memcached", version: null, pinned: false, line: 16, via: "image" },
    ]);
  });

  it("follows anchors and merge keys to the line where the value is written", () => {
    const result = extract("anchors", "compose.yaml");
    expect(summary(result.uses)).toEqual([
      { name: "db", engine: "postgres", version: "15", pinned: true, line: 4, via: "image" },
      { name: "db-test", engine: "postgres", version: "15", pinned: true, line: 4, via: "image" },
      { name: "rabbit", engine: "rabbitmq", version: "3.13", pinned: true, line: 26, via: "image" },
      { name: "frontend", engine: "node", version: "20", pinned: true, line: 34, via: "image" },
    ]);
    expect(result.envKeys).toEqual([
      { key: "DATABASE_URL", line: 13, role: "reads" },
      { key: "BROKER_URL", line: 14, role: "reads" },
    ]);
  });

  it("reads included files and extends from another file", () => {
    const result = extract("split", "compose.yaml");
    expect(summary(result.uses)).toEqual([
      { name: "api", engine: "sqlite", version: null, pinned: null, line: 7, via: "url" },
      { name: "worker", engine: "sqlite", version: null, pinned: null, line: 7, via: "url" },
      { name: "queue", engine: "nats", version: "2.10", pinned: true, line: 16, via: "image" },
      { name: "elasticsearch", engine: "elasticsearch", version: "8", pinned: true, line: 2, via: "image" },
    ]);
    expect(result.problems).toEqual([
      { type: "skipped", line: 3, message: "included file infra/missing.yaml was not read" },
    ]);
  });

  it("reports a parse error with its line and never throws", () => {
    const result = extractCompose(
      { path: "docker-compose.yml", content: "services:\n  db:\n    image: postgres:16\n   bad: [\n" },
      { paths: [], readFile: () => undefined },
    );
    expect(result.problems[0]).toMatchObject({ type: "parse-error", line: 4 });
  });

  it.each(["", "just a string", "- a\n- list", "services: 3", "services:\n  db: null"])("survives %j", (content) => {
    const result = extractCompose({ path: "compose.yaml", content }, { paths: [], readFile: () => undefined });
    expect(result.uses).toEqual([]);
    expect(result.providesDevEnvironment).toBe(false);
  });
});

describe("interpolate", () => {
  const env = new Map([
    ["PG", "16"],
    ["EMPTY", ""],
  ]);
  it.each([
    ["postgres:${PG}", "postgres:16"],
    ["postgres:$PG-alpine", "postgres:16-alpine"],
    ["postgres:${NOPE:-15}", "postgres:15"],
    ["postgres:${EMPTY:-15}", "postgres:15"],
    ["postgres:${EMPTY-15}", "postgres:"],
    ["postgres:${NOPE-15}", "postgres:15"],
    ["postgres:${NOPE}", "postgres:${NOPE}"],
    ["postgres:${NOPE:?set it}", "postgres:${NOPE}"],
    ["postgres:${NOPE:-${PG:-14}}", "postgres:16"],
    ["x${PG:+-set}", "x-set"],
    ["cost $$5", "cost $5"],
  ])("%s -> %s", (input, expected) => {
    expect(interpolate(input, env)).toBe(expected);
  });
});
