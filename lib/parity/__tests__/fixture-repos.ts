import { type Dirent, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Test-only: gathers every format's __fixtures__ as small repositories, at test time (engine
 * source may not touch the file system; tests may). A folder directly under __fixtures__ is one
 * repository (paths relative to it); a file directly under __fixtures__ is a one-file repository.
 */

const FORMATS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "formats");

export interface FixtureRepo {
  name: string;
  files: Record<string, string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function read(path: string): string | null {
  // Fixtures are small text files; anything else is not a fixture this test can mutate.
  if (statSync(path).size > 256 * 1024) return null;
  return readFileSync(path, "utf8");
}

export function fixtureRepos(): FixtureRepo[] {
  const repos: FixtureRepo[] = [];
  for (const format of readdirSync(FORMATS_DIR, { withFileTypes: true })) {
    if (!format.isDirectory()) continue;
    const fixtures = join(FORMATS_DIR, format.name, "__fixtures__");
    let entries: Dirent[];
    try {
      entries = readdirSync(fixtures, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(fixtures, entry.name);
      const files: Record<string, string> = {};
      const paths = entry.isDirectory() ? walk(path) : [path];
      for (const file of paths) {
        const content = read(file);
        if (content === null) continue;
        files[entry.isDirectory() ? relative(path, file).split("\\").join("/") : entry.name] = content;
      }
      if (Object.keys(files).length > 0) repos.push({ name: `${format.name}/${entry.name}`, files });
    }
  }
  return repos;
}

const PREFIXES = ["", ".github/workflows/", "k8s/", "config/", ".devcontainer/", "infra/"];

/**
 * Fixtures are laid out for their own format's tests (a workflow fixture is `ci.yml`, not
 * `.github/workflows/ci.yml`): each file goes to the first candidate path some format claims.
 */
export function placeFixtures(repo: FixtureRepo, isClaimed: (path: string) => boolean): Record<string, string> {
  const group = repo.name.split("/")[1] ?? "";
  const placed: Record<string, string> = {};
  for (const [path, content] of Object.entries(repo.files)) {
    const candidates = [path, `${group}/${path}`, ...PREFIXES.map((prefix) => `${prefix}${path}`)];
    placed[candidates.find(isClaimed) ?? path] = content;
  }
  return placed;
}
