import { describe, expect, it } from "vitest";
import { defaultConfig } from "./defaults";
import { parseConfig } from "./parse";
import { isProductionEnvironment } from "./production";

const FULL = `# Parity config for acme/shop
environments:
  prod: ["ops/compose.yml", "deploy/**"]
  dev: docker/dev/**
  ignore: ["examples/**"]
production: ["production", "prod-eu"]
suppress:
  - check: service-version
    service: redis
    reason: "managed Redis 7.1 is protocol-compatible with 7.2 in dev"
  - check: db-engine
    environment: test
    fingerprint: 0123abcd
    reason: unit tests use SQLite on purpose
comment: always
`;

describe("parseConfig", () => {
  it("reads every section of a valid config", () => {
    const { config, problems } = parseConfig(FULL);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      environments: { prod: ["ops/compose.yml", "deploy/**"], dev: ["docker/dev/**"], ignore: ["examples/**"] },
      production: ["production", "prod-eu"],
      suppress: [
        {
          check: "service-version",
          service: "redis",
          reason: "managed Redis 7.1 is protocol-compatible with 7.2 in dev",
        },
        {
          check: "db-engine",
          environment: "test",
          fingerprint: "0123abcd",
          reason: "unit tests use SQLite on purpose",
        },
      ],
      comment: "always",
    });
  });

  it.each([
    ["empty file", ""],
    ["comments only", "# nothing here\n"],
    ["explicit null", "~\n"],
  ])("gives defaults without problems for %s", (_name, text) => {
    expect(parseConfig(text)).toEqual({ config: defaultConfig(), problems: [] });
  });

  it.each([
    ["suppression without reason", "suppress:\n  - check: db-engine\n    service: postgres\n", 2, /reason/],
    ["unknown top-level key", "comment: never\nsupress: []\n", 2, /supress: unknown key/],
    ["bad comment value", "production: [prod]\ncomment: sometimes\n", 2, /comment/],
    ["unknown environment", "environments:\n  dev: [a]\n  qa: [b]\n", 3, /environments\.qa/],
    [
      "unknown key in a suppression",
      "suppress:\n  - check: db-engine\n    reason: ok\n    servce: x\n",
      4,
      /servce: unknown key/,
    ],
    [
      "bad environment in a suppression",
      "suppress:\n  - check: a\n    environment: production\n    reason: r\n",
      3,
      /environment/,
    ],
    ["suppress not a list", "\nsuppress: db-engine\n", 2, /expected a list/],
    ["invalid YAML", "comment: always\nenvironments: [unclosed\n", 3, /invalid YAML/],
    ["duplicate keys", "comment: always\ncomment: never\n", 2, /invalid YAML/],
    ["multi-document", "comment: always\n---\ncomment: never\n", 2, /invalid YAML/],
    ["root is a list", "- a\n- b\n", 1, /mapping/],
  ])("reports %s with its line and never throws", (_name, text, line, message) => {
    const { problems } = parseConfig(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toMatch(message);
  });

  it("keeps the valid parts of a partly bad config", () => {
    const { config, problems } = parseConfig(
      "comment: never\nsuppress:\n  - check: a\n  - check: b\n    reason: fine\nproduction: 42\n",
    );
    expect(config.comment).toBe("never");
    expect(config.suppress).toEqual([{ check: "b", reason: "fine" }]);
    expect(config.production).toEqual(defaultConfig().production);
    expect(problems.map((problem) => problem.line)).toEqual([3, 6]);
  });

  it("defuses an alias bomb", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = i === 0 ? "a" : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join("\n");
    const { config, problems } = parseConfig(bomb);
    expect(config).toEqual(defaultConfig());
    expect(problems[0]?.message).toMatch(/could not be read|alias/i);
  });

  it("accepts BOM and CRLF line endings", () => {
    const { config, problems } = parseConfig("\uFEFFcomment: never\r\nproduction: live\r\n");
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ comment: "never", production: ["live"] });
  });

  it("refuses a huge config", () => {
    const { problems } = parseConfig(`comment: never\n#${"x".repeat(300_000)}\n`);
    expect(problems[0]?.message).toMatch(/larger than/);
  });
});

describe("isProductionEnvironment", () => {
  const defaults = defaultConfig();
  it.each([
    ["production", true],
    ["Production", true],
    ["prod", true],
    ["prod-eu", true],
    ["eu-production-2", true],
    ["staging", false],
    ["preprod", false],
    ["pre-prod", false],
    ["non-production", false],
    ["development", false],
    ["", false],
  ])("default config: %s -> %s", (name, expected) => {
    expect(isProductionEnvironment(name, defaults)).toBe(expected);
  });

  it.each([
    ["live", true],
    ["LIVE", true],
    ["live-eu", true],
    ["production", false],
    ["prod", false],
  ])("listed names only when the repository lists its own: %s -> %s", (name, expected) => {
    expect(isProductionEnvironment(name, { production: ["live", "live-*"] })).toBe(expected);
  });
});
