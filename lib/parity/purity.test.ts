import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * lib/parity is pure (docs/architecture.md): no framework, database, GitHub client, file system,
 * environment variables or clock. Test files may use node:fs; everything else may not.
 */

const ROOT = dirname(fileURLToPath(import.meta.url));
const REPO = join(ROOT, "..", "..");

const FORBIDDEN_MODULES: readonly RegExp[] = [
  /^next($|\/)/,
  /^react($|-dom$|\/|-dom\/)/,
  /^@octokit\//,
  /^octokit$/,
  /^(node:)?fs($|\/)/,
];

const FORBIDDEN_CODE: readonly [RegExp, string][] = [
  [/\bprocess\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])/, "reads process.env"],
  [/\bDate\.now\s*\(/, "reads the clock (Date.now())"],
  [/\bnew\s+Date\s*\(\s*\)/, "reads the clock (new Date())"],
];

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'`]([^"'`]+)["'`]/gm;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}

/** Problems in one source file; `file` is repository-relative (for resolving relative imports). */
function impurities(file: string, source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? "";
    const resolved = specifier.startsWith(".")
      ? posix.normalize(posix.join(posix.dirname(file), specifier))
      : specifier.replace(/^@\//, "");
    if (resolved === "lib/db" || resolved.startsWith("lib/db/")) found.push(`imports ${specifier} (the database)`);
    else if (FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier))) found.push(`imports ${specifier}`);
  }
  for (const [pattern, reason] of FORBIDDEN_CODE) if (pattern.test(code)) found.push(reason);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Fixtures are data and __tests__ holds test-only helpers (which may read fixtures from disk).
    if (entry.isDirectory())
      return entry.name === "__fixtures__" || entry.name === "__tests__" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("purity of lib/parity", () => {
  it("has no source file that imports I/O, frameworks or reads the environment or clock", () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((path) => {
      const file = relative(REPO, path).split("\\").join("/");
      return impurities(file, readFileSync(path, "utf8")).map((problem) => `${file}: ${problem}`);
    });
    expect(offenders).toEqual([]);
  });

  it.each([
    ['import { cookies } from "next/headers";', "imports next/headers"],
    ['import React from "react";', "imports react"],
    ['import { db } from "@/lib/db";', "imports @/lib/db (the database)"],
    ['import { audits } from "../db/schema";', "imports ../db/schema (the database)"],
    ['import { Octokit } from "@octokit/rest";', "imports @octokit/rest"],
    ['import { App } from "octokit";', "imports octokit"],
    ['import { readFileSync } from "node:fs";', "imports node:fs"],
    ['import fs from "fs/promises";', "imports fs/promises"],
    ['const fs = await import("fs");', "imports fs"],
    ['const fs = require("node:fs");', "imports node:fs"],
    ['import "server-only";\nconst token = process.env.GITHUB_TOKEN;', "reads process.env"],
    ['const token = process["env"].X;', "reads process.env"],
    ["const at = Date.now();", "reads the clock (Date.now())"],
    ["const at = new Date();", "reads the clock (new Date())"],
  ])("detects %s", (source, problem) => {
    expect(impurities("lib/parity/x.ts", source)).toContain(problem);
  });

  it.each([
    'import { parse } from "yaml";',
    "const at = new Date(input.now);",
    "// process.env is read in lib/env.ts only",
    'const url = "postgres://u@h/db"; // a URL is not a comment',
    'import { normalize } from "node:path";',
  ])("allows %s", (source) => {
    expect(impurities("lib/parity/x.ts", source)).toEqual([]);
  });
});
