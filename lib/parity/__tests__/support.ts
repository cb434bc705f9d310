/*
 * Shared helpers for the engine's own tests (not used by production code): a tiny format and a
 * tiny check, so engine behaviour is tested independently of the real registries.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Check, ExtractContext, ExtractResult, Format, RepoSnapshot } from "../types";

/** A fixture project on disk as a snapshot's files: every file under `root` by relative path, sorted. */
export function readFixtureTree(root: string): Map<string, string> {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : [full];
      });
  return new Map(walk(root).map((full) => [relative(root, full), readFileSync(full, "utf8")]));
}

export function makeSnapshot(files: Record<string, string>, extra: Partial<RepoSnapshot> = {}): RepoSnapshot {
  return {
    repository: "acme/shop",
    defaultBranch: "main",
    commit: "0123456789abcdef0123456789abcdef01234567",
    paths: Object.keys(files),
    files: new Map(Object.entries(files)),
    ...extra,
  };
}

/** Reads `image: <engine>:<version>` lines of compose-like files as database or cache uses. */
export const IMAGE_LINES: Format = {
  id: "image-lines",
  title: "Image lines (test)",
  patterns: ["**/docker-compose*.yml", "k8s/**/*.yaml"],
  extract(file): ExtractResult {
    const uses: ExtractResult["uses"] = [];
    const problems: ExtractResult["problems"] = [];
    for (const [index, text] of file.content.split("\n").entries()) {
      if (text.includes("<<<"))
        problems.push({ type: "parse-error", line: index + 1, message: "unexpected token <<<" });
      const match = /image:\s*(postgres|sqlite|redis|mysql):?(\S*)/.exec(text);
      if (!match) continue;
      const [, engine = "", version = ""] = match;
      uses.push({
        kind: engine === "redis" ? "cache" : "database",
        engine,
        version: version || null,
        pinned: version !== "" && version !== "latest",
        line: index + 1,
        raw: text.trim(),
        via: "image",
      });
    }
    return { uses, problems };
  },
};

/** Fails when dev and prod run different engines of one kind. */
export const ENGINE_DIFF: Check = {
  id: "engine-diff",
  gap: "tools",
  severity: "high",
  level: "bronze",
  title: "Engines differ between dev and prod",
  rationale: "A different engine behaves differently.",
  remediation: "Run prod's engine in dev.",
  run({ inventory }) {
    const findings = [];
    for (const kind of ["database", "cache"] as const) {
      const dev = inventory.uses.find((use) => use.kind === kind && use.environment === "dev");
      const prod = inventory.uses.find((use) => use.kind === kind && use.environment === "prod");
      if (!dev || !prod || dev.engine === prod.engine) continue;
      findings.push({
        message: `${dev.engine} in dev, ${prod.engine} in prod`,
        service: `${kind}:${prod.engine}`,
        environments: ["prod" as const, "dev" as const],
        evidence: [dev, prod].map((use) => ({
          environment: use.environment,
          file: use.file,
          line: use.line,
          value: use.raw,
        })),
      });
    }
    return {
      status: findings.length > 0 ? "fail" : "pass",
      score: findings.length > 0 ? 0 : 10,
      summary: `${findings.length} engines differ`,
      findings,
      metrics: { engineDiffs: findings.length },
    };
  },
};

/** A format's `__fixtures__` folder as the files and extract context of one repository. */
export function fixtureRepository(folder: URL): { files: Map<string, string>; ctx: ExtractContext } {
  const files = readFixtureTree(fileURLToPath(folder));
  return { files, ctx: { paths: [...files.keys()], readFile: (path) => files.get(path) } };
}
