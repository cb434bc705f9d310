import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The floors of the house (docs/architecture.md): every import points down a floor or stays on its
 * own, and no two files or folders import each other, directly or around a loop. Beside
 * lib/parity/purity.test.ts, which keeps the bottom floor pure.
 *
 * Tests, fixtures and test-only helpers are not part of the product and are not checked: a test may
 * import the GitHub double from the top floor to exercise a service below it.
 */

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Highest floor first. A folder belongs to the floor of its longest listed prefix. */
const FLOORS: readonly (readonly string[])[] = [
  // 5: entry points and tooling: pages and routes, the CLI, scripts, Next's proxy; the benches,
  // the evaluation and the GitHub double that tests, benches and the demo start.
  [
    "app",
    "cli",
    "scripts",
    "proxy.ts",
    "instrumentation.ts",
    "instrumentation-node.ts",
    "bench",
    "eval",
    "e2e",
    "github-double",
  ],
  // 4: views: React components; they take plain props (engine types, view types from queries).
  ["components"],
  // 3: request handlers and workers: what an entry point calls to do one whole thing.
  [
    "lib/http",
    "lib/auth",
    "lib/workers",
    "lib/webhooks",
    "lib/export",
    "lib/fix-first",
    "lib/suppressions",
    "lib/fix-pull-requests",
  ],
  // 2: the services they orchestrate: audits, the PR bot's rendering and publishing, the queue.
  ["lib/audits", "lib/bot", "lib/jobs"],
  // 1: I/O and foundations: the database and its queries, repository sources, the one error
  // vocabulary, configuration, request security, names as users type them.
  ["lib/db", "lib/sources", "lib/errors", "lib/security", "lib/repos", "lib"],
  // 0: the engine, pure.
  ["lib/parity"],
];

const ROOTS = FLOORS.flat().filter((entry) => !entry.startsWith("lib/") && entry !== "lib");

function isTestOnly(path: string): boolean {
  return (
    /\.(test|spec)\.tsx?$/.test(path) ||
    /(^|\/)(__tests__|__fixtures__|__snapshots__)\//.test(path) ||
    /(^|\/)test-[^/]*\.tsx?$/.test(path)
  );
}

function sourceFiles(path: string): string[] {
  const absolute = join(REPO, path);
  if (!existsSync(absolute)) return [];
  if (statSync(absolute).isFile()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const child = posix.join(path, entry.name);
    if (entry.isDirectory()) return sourceFiles(child);
    return /\.(tsx?|mjs)$/.test(entry.name) && !isTestOnly(child) ? [child] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'`]([^"'`]+)["'`]/gm;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}

/** The repository file a specifier names, or null for packages and node built-ins. */
function resolveImport(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = posix.normalize(posix.join(posix.dirname(from), specifier));
  else return null;
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
    base.replace(/\.js$/, ".ts"),
  ];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

type Graph = ReadonlyMap<string, readonly string[]>;

function importGraph(files: readonly string[], read: (file: string) => string): Graph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of stripComments(read(file)).matchAll(SPECIFIER)) {
      const target = resolveImport(file, match[1] ?? "", known);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one member (Tarjan): every import loop. */
function loops(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** A file's folder: its directory; the top-level folders of entry points and tooling count as one. */
function folderOf(file: string): string {
  const top = file.split("/")[0] ?? file;
  if (top !== "lib" && top !== "components") return top;
  return file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".";
}

function folderGraph(files: Graph): Graph {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const set = folders.get(from) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== from) set.add(folderOf(target));
    folders.set(from, set);
  }
  return new Map([...folders].map(([folder, targets]) => [folder, [...targets].sort()]));
}

/** The floor of a file: that of the longest listed prefix of its path (5 = top, 0 = the engine). */
function floorOf(file: string): number | null {
  let best: { floor: number; length: number } | null = null;
  FLOORS.forEach((entries, position) => {
    const floor = FLOORS.length - 1 - position;
    for (const entry of entries) {
      const matches = file === entry || file.startsWith(`${entry}/`);
      if (matches && (!best || entry.length > best.length)) best = { floor, length: entry.length };
    }
  });
  return (best as { floor: number } | null)?.floor ?? null;
}

function upwardImports(files: Graph): string[] {
  const found: string[] = [];
  for (const [file, targets] of files) {
    const from = floorOf(file);
    for (const target of targets) {
      const to = floorOf(target);
      if (from !== null && to !== null && to > from)
        found.push(`${file} (floor ${from}) imports ${target} (floor ${to})`);
    }
  }
  return found.sort();
}

describe("the floors of the house", () => {
  const files = ROOTS.concat(["lib"]).flatMap(sourceFiles);
  const graph = importGraph(files, (file) => readFileSync(join(REPO, file), "utf8"));

  it("reads the whole product", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((file) => floorOf(file) === null)).toEqual([]);
  });

  it("has no import that points up a floor", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("has no import loop between files", () => {
    expect(loops(graph)).toEqual([]);
  });

  it("talks to the database only in lib/db (drizzle and the schema stay there)", () => {
    expect(databaseCallsOutsideDb(files, (file) => readFileSync(join(REPO, file), "utf8"))).toEqual([]);
  });

  it("has no import loop between folders", () => {
    const folders = folderGraph(graph);
    const described = loops(folders).map((loop) =>
      loop
        .map((folder) => `${folder} -> ${(folders.get(folder) ?? []).filter((to) => loop.includes(to)).join(", ")}`)
        .join("; "),
    );
    expect(described).toEqual([]);
  });
});

/** Files outside lib/db that talk to the database themselves: drizzle or the schema's tables. */
function databaseCallsOutsideDb(files: readonly string[], read: (file: string) => string): string[] {
  return files.filter((file) => {
    if (file.startsWith("lib/db/")) return false;
    const specifiers = [...stripComments(read(file)).matchAll(SPECIFIER)].map((match) => match[1] ?? "");
    return specifiers.some(
      (specifier) => /^drizzle-orm($|\/)/.test(specifier) || /(^|\/)db\/schema[^/]*$/.test(specifier),
    );
  });
}

describe("the checks themselves", () => {
  const read = (sources: Record<string, string>) => (file: string) => sources[file] ?? "";

  it("resolves @/ and relative specifiers, index files and extensions, and ignores packages", () => {
    const sources = {
      "lib/a/x.ts": 'import { y } from "./y";\nimport z from "@/lib/b";\nimport "yaml";\n// import "./gone";',
      "lib/a/y.ts": "export const y = 1;",
      "lib/b/index.ts": 'export * from "../a/y.ts";',
    };
    const graph = importGraph(Object.keys(sources), read(sources));
    expect(graph.get("lib/a/x.ts")).toEqual(["lib/a/y.ts", "lib/b/index.ts"]);
  });

  it("finds a loop between files and between their folders", () => {
    const sources = {
      "lib/a/one.ts": 'import "../b/two";',
      "lib/b/two.ts": 'import "../b/three";',
      "lib/b/three.ts": 'import "../a/four";',
      "lib/a/four.ts": "",
    };
    const graph = importGraph(Object.keys(sources), read(sources));
    expect(loops(graph)).toEqual([]);
    expect(loops(folderGraph(graph))).toEqual([["lib/a", "lib/b"]]);
    const withFileLoop = importGraph(Object.keys(sources), read({ ...sources, "lib/a/four.ts": 'import "./one";' }));
    expect(loops(withFileLoop)).toEqual([["lib/a/four.ts", "lib/a/one.ts", "lib/b/three.ts", "lib/b/two.ts"]]);
  });

  it("places files on floors by their longest prefix and reports imports that climb", () => {
    expect(floorOf("lib/parity/types.ts")).toBe(0);
    expect(floorOf("lib/env.ts")).toBe(1);
    expect(floorOf("lib/db/queries/audits.ts")).toBe(1);
    expect(floorOf("app/page.tsx")).toBe(5);
    const graph = new Map([
      ["lib/db/client.ts", ["lib/http/errors.ts", "lib/parity/types.ts"]],
      ["lib/http/errors.ts", []],
    ]);
    expect(upwardImports(graph)).toEqual(["lib/db/client.ts (floor 1) imports lib/http/errors.ts (floor 3)"]);
  });

  it("finds drizzle and schema imports outside lib/db", () => {
    const sources = {
      "lib/db/queries/a.ts": 'import { eq } from "drizzle-orm";\nimport { audits } from "../schema";',
      "lib/jobs/queue.ts": 'import { sql } from "drizzle-orm";',
      "lib/audits/run.ts": 'import { audits } from "../db/schema-bot";',
      "lib/http/ok.ts": 'import { auditRows } from "../db/queries/audits";',
    };
    expect(databaseCallsOutsideDb(Object.keys(sources), read(sources))).toEqual([
      "lib/jobs/queue.ts",
      "lib/audits/run.ts",
    ]);
  });
});
