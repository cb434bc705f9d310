import { describe, expect, it } from "vitest";
import { defaultConfig } from "../config/defaults";
import type { ExtractResult, Format, FormatFile, RepoSnapshot } from "../types";
import { buildInventory } from "./build";

function snapshot(files: Record<string, string>, extra: Partial<RepoSnapshot> = {}): RepoSnapshot {
  return {
    repository: "acme/shop",
    defaultBranch: "main",
    commit: "abc",
    paths: Object.keys(files),
    files: new Map(Object.entries(files)),
    ...extra,
  };
}

/** A tiny format: each `service <engine> <version>` line is a database use at that line. */
const lines: Format = {
  id: "lines",
  title: "Test lines",
  patterns: ["**/*.svc", "**/docker-compose*.yml", "**/*.tf"],
  extract(file: FormatFile): ExtractResult {
    const uses: ExtractResult["uses"] = [];
    for (const [index, text] of file.content.split("\n").entries()) {
      const match = /^service (\S+) (\S+)(?: env=(\S+))?/.exec(text);
      if (!match) continue;
      const [, engine = "", version = "", env] = match;
      uses.push({
        kind: "database",
        engine,
        version,
        pinned: true,
        line: index + 1,
        raw: text,
        via: "image",
        ...(env ? { environment: env as "test" } : {}),
      });
    }
    return { uses, problems: [] };
  },
};

describe("buildInventory", () => {
  it("places uses by path classification, use environment and result environment", () => {
    const inventory = buildInventory(
      snapshot({
        "docker-compose.yml": "service postgres 16\nservice sqlite 3 env=test\n",
        "docker-compose.prod.yml": "service postgres 15\n",
      }),
      null,
      [lines],
    );
    expect(inventory.uses.map((use) => [use.environment, use.engine, use.version, use.file, use.line])).toEqual([
      ["dev", "postgres", "16", "docker-compose.yml", 1],
      ["test", "sqlite", "3", "docker-compose.yml", 2],
      ["prod", "postgres", "15", "docker-compose.prod.yml", 1],
    ]);
    expect(inventory.files).toEqual([
      {
        path: "docker-compose.prod.yml",
        format: "lines",
        environments: ["prod"],
        reason: 'prod: its path says "prod"',
      },
      {
        path: "docker-compose.yml",
        format: "lines",
        environments: ["dev", "test"],
        reason: "dev: a compose file nothing else places (default); test: uses placed by their own section",
      },
    ]);
    expect(inventory.uses[0]).toMatchObject({
      format: "lines",
      via: "image",
      pinned: true,
      raw: "service postgres 16",
    });
  });

  it("lets content classification override the path, and config override both", () => {
    const selfHosting: Format = {
      ...lines,
      id: "self",
      extract: (file) => ({ ...lines.extract(file, ctxStub), environment: "prod" }),
    };
    const files = { "docker-compose.yml": "service postgres 16\n", "ops/db.svc": "service mysql 8.0\n" };
    const byContent = buildInventory(snapshot(files), null, [selfHosting]);
    expect(byContent.uses.map((use) => `${use.environment}:${use.file}`)).toEqual([
      "prod:ops/db.svc",
      "prod:docker-compose.yml",
    ]);

    const config = {
      ...defaultConfig(),
      environments: { staging: ["docker-compose.yml"], ci: ["ops/**"], prod: ["ops/**"] },
    };
    const byConfig = buildInventory(snapshot(files), config, [selfHosting]);
    expect(byConfig.uses.map((use) => `${use.environment}:${use.file}`)).toEqual([
      "ci:ops/db.svc",
      "staging:docker-compose.yml",
      "prod:ops/db.svc",
    ]);
  });

  it("falls back to dev for files neither path, content nor config places", () => {
    const inventory = buildInventory(snapshot({ "db/main.svc": "service sqlite 3\n" }), null, [lines]);
    expect(inventory.uses.map((use) => use.environment)).toEqual(["dev"]);
  });

  it("drops ignored files", () => {
    const config = { ...defaultConfig(), environments: { ignore: ["examples/**"] } };
    const inventory = buildInventory(snapshot({ "examples/docker-compose.yml": "service mysql 5.7\n" }), config, [
      lines,
    ]);
    expect(inventory.uses).toEqual([]);
    expect(inventory.files).toEqual([]);
  });

  it("re-places the uses of a referenced file in the referencing environment", () => {
    const workflow: Format = {
      id: "workflow",
      title: "Workflow",
      patterns: [".github/workflows/*.yml"],
      extract: () => ({
        uses: [],
        references: [{ path: "./docker-compose.yml", environment: "ci", line: 9 }],
        deployJobs: [
          {
            workflow: "ci.yml",
            job: "deploy",
            line: 20,
            environment: "production",
            evidence: "flyctl deploy",
            triggers: ["push"],
          },
        ],
        problems: [],
      }),
    };
    const inventory = buildInventory(
      snapshot({
        ".github/workflows/ci.yml": "name: ci\n",
        "docker-compose.yml": "service postgres 16\nservice sqlite 3 env=test\n",
      }),
      null,
      [lines, workflow],
    );
    expect(inventory.uses.map((use) => `${use.environment}:${use.engine}:${use.line}`)).toEqual([
      "dev:postgres:1",
      "test:sqlite:2",
      "ci:postgres:1",
    ]);
    expect(inventory.files.find((file) => file.path === "docker-compose.yml")?.environments).toEqual([
      "dev",
      "test",
      "ci",
    ]);
    expect(inventory.deployJobs).toHaveLength(1);
  });

  it("collects env keys, literals, dev environment files and problems per environment", () => {
    const rich: Format = {
      id: "rich",
      title: "Rich",
      patterns: [".env.example", "k8s/*.yaml"],
      extract: (file) => ({
        uses: [],
        envKeys: [{ key: "DATABASE_URL", line: 2, role: file.path.startsWith("k8s") ? "reads" : "documents" }],
        literals: file.path.startsWith("k8s") ? [{ key: "DB_PASSWORD", line: 4, value: "hunter2-secret" }] : [],
        providesDevEnvironment: file.path === ".env.example",
        problems: [{ type: "parse-error", line: 7, message: "bad indentation\n  7 | password: hunter2" }],
      }),
    };
    const inventory = buildInventory(snapshot({ ".env.example": "A=1\n", "k8s/app.yaml": "kind: Secret\n" }), null, [
      rich,
    ]);
    expect(inventory.envKeys.map((key) => `${key.environment}:${key.role}:${key.file}`)).toEqual([
      "dev:documents:.env.example",
      "prod:reads:k8s/app.yaml",
    ]);
    expect(inventory.literals).toEqual([
      { key: "DB_PASSWORD", line: 4, value: "hunter2-secret", file: "k8s/app.yaml", environment: "prod" },
    ]);
    expect(inventory.devEnvironmentFiles).toEqual([".env.example"]);
    expect(inventory.problems).toEqual([
      { file: ".env.example", type: "parse-error", line: 7, message: "bad indentation" },
      { file: "k8s/app.yaml", type: "parse-error", line: 7, message: "bad indentation" },
    ]);
  });

  it("turns a throwing format into a parse-error problem", () => {
    const broken: Format = {
      id: "broken",
      title: "Broken",
      patterns: ["*.svc"],
      extract: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const inventory = buildInventory(snapshot({ "a.svc": "service postgres 16\n" }), null, [broken, lines]);
    expect(inventory.problems).toEqual([
      { file: "a.svc", type: "parse-error", line: 1, message: expect.stringMatching(/^broken: could not read/) },
    ]);
    expect(inventory.uses).toHaveLength(1);
  });

  it.each([
    ["a file over 1 MB", `service postgres 16\n${"#".repeat(1024 * 1024)}`, /larger than 1 MB/],
    ["binary content", "service postgres 16\n\u0000\u0001\u0002", /binary/],
    ["invalid UTF-8 (replacement characters)", "service postgres 16\n\uFFFD\uFFFD", /UTF-8/],
    ["invalid UTF-8 (lone surrogate)", "service postgres 16\n\uD800x", /UTF-8/],
  ])("skips %s with a stated reason", (_name, content, reason) => {
    const inventory = buildInventory(snapshot({ "a.svc": content }), null, [lines]);
    expect(inventory.uses).toEqual([]);
    expect(inventory.problems).toEqual([
      { file: "a.svc", type: "skipped", line: 1, message: expect.stringMatching(reason) },
    ]);
  });

  it("reads a valid UTF-8 file that holds one literal U+FFFD", () => {
    const inventory = buildInventory(snapshot({ "a.svc": 'service postgres 16\nlabel "\uFFFD"\n' }), null, [lines]);
    expect(inventory.problems).toEqual([]);
    expect(inventory.uses).toHaveLength(1);
  });

  it("reports files the source skipped", () => {
    const inventory = buildInventory(
      snapshot(
        {},
        {
          paths: ["big.svc", "not-claimed.bin"],
          skipped: [
            { path: "big.svc", reason: "too large" },
            { path: "not-claimed.bin", reason: "binary" },
          ],
        },
      ),
      null,
      [lines],
    );
    expect(inventory.problems).toEqual([{ file: "big.svc", type: "skipped", line: 1, message: "skipped: too large" }]);
  });

  it("strips a BOM and normalises CRLF before the format reads the file", () => {
    let seen = "";
    const spy: Format = {
      ...lines,
      id: "spy",
      extract(file, ctx) {
        seen = file.content;
        return lines.extract(file, ctx);
      },
    };
    const inventory = buildInventory(snapshot({ "a.svc": "\uFEFFservice postgres 16\r\nservice redis 7\r\n" }), null, [
      spy,
    ]);
    expect(seen).toBe("service postgres 16\nservice redis 7\n");
    expect(inventory.uses.map((use) => use.line)).toEqual([1, 2]);
  });

  it("gives formats the other files through ctx.readFile, prepared the same way", () => {
    const reader: Format = {
      id: "reader",
      title: "Reader",
      patterns: ["docker-compose.yml"],
      reads: [".env"],
      extract: (_file, ctx) => {
        const env = ctx.readFile("./.env") ?? "";
        return {
          uses: [
            {
              kind: "database",
              engine: "postgres",
              version: env.trim().split("=")[1] ?? null,
              pinned: true,
              line: 1,
              raw: "x",
              via: "image",
            },
          ],
          problems: [],
        };
      },
    };
    const inventory = buildInventory(snapshot({ "docker-compose.yml": "", ".env": "\uFEFFPG=16\r\n" }), null, [reader]);
    expect(inventory.uses[0]?.version).toBe("16");
  });

  it("scrubs secrets a format forgot to redact and drops malformed uses", () => {
    const leaky: Format = {
      id: "leaky",
      title: "Leaky",
      patterns: ["*.svc"],
      extract: () => ({
        uses: [
          {
            kind: "database",
            engine: "postgres",
            version: "16",
            pinned: true,
            line: 0,
            raw: "url: postgres://app:s3cr3t-pw@db/app",
            via: "url",
          },
          { kind: "nonsense", engine: "x" } as never,
        ],
        problems: [],
      }),
    };
    const inventory = buildInventory(snapshot({ "a.svc": "" }), null, [leaky]);
    expect(inventory.uses).toHaveLength(1);
    expect(inventory.uses[0]?.raw).toBe("url: postgres://app:***@db/app");
    expect(inventory.uses[0]?.line).toBe(1);
  });

  it("reads a file inside a project template's folder as the template's defaults generate it", () => {
    const json = JSON.stringify({ db: ["16", "15"], use_docker: "n", other: "{{ cookiecutter.x|title }}" });
    const inventory = buildInventory(
      snapshot({
        "cookiecutter.json": json,
        "{{cookiecutter.slug}}/docker-compose.yml": [
          "{%- if cookiecutter.use_docker == 'y' %}",
          "service mysql 8",
          "{%- else %}",
          "service postgres {{ cookiecutter.db }}",
          "{%- endif %}",
        ].join("\n"),
        // A value the defaults cannot give: the file is left as written.
        "{{cookiecutter.slug}}/docker-compose.prod.yml": "service postgres {{ cookiecutter.other }}\n",
      }),
      null,
      [lines],
    );
    expect(inventory.uses.map((use) => [use.engine, use.version, use.line])).toEqual([
      ["postgres", "16", 4],
      ["postgres", "{{", 1],
    ]);
  });
});

const ctxStub = { paths: [], readFile: () => undefined };
