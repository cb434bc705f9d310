import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, githubWebUrl, parseEnv, webProcessCount } from "./env";

describe("parseEnv", () => {
  it("applies defaults for the embedded mode", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PARITY_DATA_DIR).toBe(".data/pglite");
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("127.0.0.1");
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /PORT is invalid: it must be a number/],
    [{ PORT: "70000" }, /PORT is invalid/],
    [
      { DATABASE_URL: "mysql://db/app" },
      /DATABASE_URL is invalid: it must be a postgres:\/\/ or postgresql:\/\/ connection URL/,
    ],
    [{ GITHUB_API_URL: "not a url" }, /GITHUB_API_URL is invalid: it must be a URL/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL is invalid: it must be one of debug, info, warn, error/],
  ])("stops on %j with a sentence naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});

describe("githubWebUrl: GitHub's web address beside its API", () => {
  it.each([
    [{}, "https://github.com"],
    [{ GITHUB_API_URL: "https://ghes.example.com/api/v3" }, "https://ghes.example.com"],
    [{ GITHUB_API_URL: "https://ghes.example.com/api/v3/" }, "https://ghes.example.com"],
    [{ GITHUB_API_URL: "http://127.0.0.1:4010" }, "http://127.0.0.1:4010"],
    [
      { GITHUB_API_URL: "https://ghes.example.com/api/v3", GITHUB_URL: "https://web.example.com/" },
      "https://web.example.com",
    ],
    [{ GITHUB_OAUTH_URL: "http://127.0.0.1:4011" }, "http://127.0.0.1:4011"],
    [{ GITHUB_OAUTH_URL: "http://old.example.com", GITHUB_URL: "http://new.example.com" }, "http://new.example.com"],
  ])("%j gives %s", (variables, web) => {
    expect(githubWebUrl(parseEnv(variables))).toBe(web);
  });

  it("refuses a GITHUB_URL that is not a URL, naming it", () => {
    expect(() => parseEnv({ GITHUB_URL: "ghes" })).toThrow(EnvError);
    expect(() => parseEnv({ GITHUB_URL: "ghes" })).toThrow(/GITHUB_URL/);
  });
});

describe("webProcessCount", () => {
  const server = "postgres://postgres@127.0.0.1:5432/parity";

  it("runs one process on the embedded database and one per core on a server", () => {
    expect(webProcessCount(parseEnv({}), 4)).toBe(1);
    expect(webProcessCount(parseEnv({ DATABASE_URL: server }), 4)).toBe(4);
    expect(webProcessCount(parseEnv({ DATABASE_URL: server }), 64)).toBe(8);
  });

  it("takes PARITY_WEB_PROCESSES when set", () => {
    expect(webProcessCount(parseEnv({ DATABASE_URL: server, PARITY_WEB_PROCESSES: "3" }), 2)).toBe(3);
    expect(webProcessCount(parseEnv({ PARITY_WEB_PROCESSES: "1" }), 8)).toBe(1);
  });

  it("refuses several processes on the embedded database, naming the fix", () => {
    expect(() => parseEnv({ PARITY_WEB_PROCESSES: "2" })).toThrow(
      /PARITY_WEB_PROCESSES is 2, but the embedded database lives in one process: set DATABASE_URL/,
    );
    expect(() => parseEnv({ PARITY_WEB_PROCESSES: "0" })).toThrow(/PARITY_WEB_PROCESSES is invalid/);
  });
});

/** lib/env.ts is the only reader of process.env in product code (app, components, lib, cli). */
describe("process.env readers", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const PRODUCT_DIRS = ["app", "components", "lib", "cli"];
  // Next drops Node-only code from the edge bundle only behind this literal check.
  const ALLOWED = new Map([["instrumentation.ts", /process\.env\.NEXT_RUNTIME === "nodejs"/]]);

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      // Fixtures are data; __tests__ holds test-only helpers (a test may set up a child's environment).
      if (entry === "node_modules" || entry === "__fixtures__" || entry === "__tests__") return [];
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return /\.(ts|tsx|mjs|js)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
    });
  }

  it("finds none outside lib/env.ts", () => {
    const files = [
      ...PRODUCT_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))),
      path.join(root, "instrumentation.ts"),
      path.join(root, "instrumentation-node.ts"),
    ];
    const offenders = files.filter((file) => {
      const relative = path.relative(root, file);
      if (relative === path.join("lib", "env.ts")) return false;
      let text = readFileSync(file, "utf8");
      const allowed = ALLOWED.get(relative);
      if (allowed) text = text.replace(allowed, "");
      return /process\.env\b/.test(text);
    });
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
