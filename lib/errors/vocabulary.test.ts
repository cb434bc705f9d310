import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { failureSentence } from "../../components/audit-progress-model";
import { AppError, SourceError, toAppError } from "./app-error";
import { errorResponse, refuse } from "./response";
import { AUDIT_FAILURE_CODES, ERRORS, type ErrorCode, isErrorCode, SOURCE_ERROR_CODES } from "./vocabulary";

/*
 * One error vocabulary (lib/errors/vocabulary.ts): every code has its status and its sentence, and
 * every code the product throws, answers or stores is one of them. The second half reads the
 * sources (like lib/parity/purity.test.ts) so a new error body or code cannot bypass the list.
 */

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PRODUCT = [
  "app",
  "components",
  "lib",
  "cli",
  "scripts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
];
const CODES = Object.keys(ERRORS) as ErrorCode[];

function productFiles(path: string): string[] {
  const absolute = join(REPO, path);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return [path];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const child = posix.join(path, entry.name);
    if (entry.isDirectory()) {
      // The engine has no errors of this kind; fixtures and the GitHub double speak GitHub's words.
      if (["node_modules", "__fixtures__", "__tests__", "parity", "github-double"].includes(entry.name)) return [];
      return productFiles(child);
    }
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [child] : [];
  });
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}

const SOURCES = PRODUCT.flatMap(productFiles).map((file) => ({
  file,
  code: stripComments(readFileSync(join(REPO, file), "utf8")),
}));

/** Every `pattern` match's first group, as "file: group". */
function occurrences(pattern: RegExp): { file: string; value: string }[] {
  return SOURCES.flatMap(({ file, code }) =>
    [...code.matchAll(pattern)].map((match) => ({ file, value: match[1] ?? "" })),
  );
}

describe("the error vocabulary", () => {
  it.each(CODES)("%s has an error status and a sentence a user can read", (code) => {
    const { status, sentence } = ERRORS[code];
    expect(Number.isInteger(status) && status >= 400 && status <= 599).toBe(true);
    expect(sentence).toMatch(/^[A-Z].*[.!]$/);
    expect(sentence).not.toMatch(/\b(undefined|null|stack|Error:)\b/);
  });

  it("gives each status one code, so a status alone says which code answered", () => {
    const statuses = CODES.map((code) => ERRORS[code].status);
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it("stores audit failures and source errors with codes from the list", () => {
    for (const code of [...AUDIT_FAILURE_CODES, ...SOURCE_ERROR_CODES]) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("bad_signature")).toBe(false);
  });

  it("says every stored audit failure in its own words on the audit page", () => {
    const fallback = failureSentence("internal");
    for (const code of AUDIT_FAILURE_CODES.filter((code) => code !== "internal")) {
      expect(failureSentence(code)).not.toBe(fallback);
    }
  });

  it("answers every code with its status, the one body shape and no cache", async () => {
    for (const code of CODES) {
      const response = refuse(code);
      expect(response.status).toBe(ERRORS[code].status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: { code, message: ERRORS[code].sentence } });
    }
    expect(refuse("rate_limited").headers.get("retry-after")).toBe("60");
  });

  it("keeps a SourceError's code and message, and hides anything else behind internal", async () => {
    const source = new SourceError("rate_limited", "GitHub's rate limit stopped x", { status: 403 });
    expect(source).toBeInstanceOf(AppError);
    expect(toAppError(source)).toBe(source);
    expect(await errorResponse(source).json()).toEqual({
      error: { code: "rate_limited", message: "GitHub's rate limit stopped x" },
    });
    const logged: unknown[] = [];
    const hidden = errorResponse(new Error("password=hunter2"), (_message, cause) => logged.push(cause));
    expect(hidden.status).toBe(500);
    expect(JSON.stringify(await hidden.json())).not.toContain("hunter2");
    expect(logged).toHaveLength(1);
  });
});

describe("every error the product raises uses the vocabulary", () => {
  it("reads the product's sources", () => {
    expect(SOURCES.some(({ file }) => file === "lib/errors/vocabulary.ts")).toBe(true);
    expect(SOURCES.some(({ file }) => file === "proxy.ts")).toBe(true);
  });

  it("throws and answers only listed codes", () => {
    const used = [
      ...occurrences(/new (?:AppError|SourceError)\(\s*"([^"]*)"/g),
      ...occurrences(/\brefuse\(\s*"([^"]*)"/g),
      ...occurrences(/\bfailure: \{ code: "([^"]*)"/g),
      // Comparisons with a coded error's code (node's errno codes and zod's issue codes are not ours).
      ...occurrences(/\b(?:appError|failure)\.code === "([^"]*)"/g),
      ...occurrences(/instanceof (?:AppError|SourceError) && \w+\.code === "([^"]*)"/g),
    ];
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(({ value }) => !isErrorCode(value))).toEqual([]);
  });

  it("builds error bodies only in lib/errors", () => {
    const handMade = occurrences(/(\{\s*error:\s*\{\s*code\b)/g).filter(({ file }) => !file.startsWith("lib/errors/"));
    expect(handMade).toEqual([]);
  });

  it("recognises errors by class or code, never by their name string", () => {
    expect(occurrences(/(\.name\s*===\s*"(?:SourceError|AppError)")/g)).toEqual([]);
  });
});
