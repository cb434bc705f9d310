import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Format } from "../../parity/types";
import { readLocalSnapshot } from "./snapshot";

const FORMAT: Format = {
  id: "test",
  title: "Test",
  patterns: ["docker-compose.yml", "config/*.yml", "**/*.env", "big.yml", "image.yml"],
  extract: () => ({ uses: [], problems: [] }),
};

const roots: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "parity-local-"));
  roots.push(dir);
  return dir;
}
function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
function run(root: string, args: string[], date: string, who = ["Maya", "maya@acme.test"]): void {
  execFileSync("git", args, {
    cwd: root,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: who[0],
      GIT_AUTHOR_EMAIL: who[1],
      GIT_COMMITTER_NAME: who[0],
      GIT_COMMITTER_EMAIL: who[1],
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
    stdio: "pipe",
  });
}

let repo: string;
let plain: string;

beforeAll(() => {
  repo = tempDir();
  run(repo, ["init", "-q", "-b", "main"], "2025-01-01T00:00:00Z");
  write(repo, "docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
  write(repo, "src/app.ts", "export {};\n");
  write(repo, ".gitignore", "ignored.env\nnode_modules/\n");
  run(repo, ["add", "."], "2025-02-01T10:00:00Z");
  run(repo, ["commit", "-q", "-m", "Initial import"], "2025-02-01T10:00:00Z");
  write(repo, "config/database.yml", "production:\n  adapter: postgresql\n");
  run(repo, ["add", "."], "2025-02-03T10:00:00Z");
  run(repo, ["commit", "-q", "-m", "Add database config (#12)"], "2025-02-03T10:00:00Z", [
    "dependabot[bot]",
    "49699333+dependabot[bot]@users.noreply.github.com",
  ]);
  run(repo, ["tag", "-a", "v1.2.0", "-m", "release"], "2025-02-04T10:00:00Z");
  run(repo, ["tag", "nightly"], "2025-02-04T10:00:00Z");
  // Working tree: an untracked file is seen, an ignored one is not, a big and a binary file are skipped.
  write(repo, "local.env", "DATABASE_URL=postgres://localhost/app\n");
  write(repo, "ignored.env", "SECRET=1\n");
  write(repo, "node_modules/x/config/x.yml", "x: 1\n");
  write(repo, "big.yml", `# ${"x".repeat(1024 * 1024)}\n`);
  write(repo, "image.yml", Buffer.from([1, 0, 2, 3]));

  plain = tempDir();
  write(plain, "docker-compose.yml", "services: {}\n");
  write(plain, "node_modules/pkg/docker-compose.yml", "services: {}\n");
  write(plain, "config/app.yml", "a: 1\n");
  symlinkSync(plain, join(plain, "loop"));
});

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe("readLocalSnapshot", () => {
  it("lists tracked and untracked files but not ignored ones", async () => {
    const snapshot = await readLocalSnapshot({ dir: repo, formats: [FORMAT] });
    expect(snapshot.paths).toEqual(
      expect.arrayContaining(["docker-compose.yml", "src/app.ts", "config/database.yml", "local.env"]),
    );
    expect(snapshot.paths).not.toContain("ignored.env");
    expect(snapshot.paths.some((p) => p.startsWith("node_modules/"))).toBe(false);
    expect(snapshot.files.get("config/database.yml")).toContain("postgresql");
    expect(snapshot.files.has("src/app.ts")).toBe(false);
    expect(snapshot.skipped).toEqual(
      expect.arrayContaining([
        { path: "big.yml", reason: "larger than 1 MB" },
        { path: "image.yml", reason: "binary file" },
      ]),
    );
    // Untracked files make the working tree differ from HEAD: no single commit describes it.
    expect(snapshot.commit).toBeNull();
    expect(snapshot.defaultBranch).toBe("main");
  });

  it("reads first-parent history with files, bots and pull request numbers", async () => {
    const snapshot = await readLocalSnapshot({ dir: repo, formats: [FORMAT] });
    const commits = snapshot.history?.commits ?? [];
    expect(commits).toHaveLength(2);
    expect(commits[0]).toMatchObject({
      author: { id: "49699333+dependabot[bot]@users.noreply.github.com", isBot: true },
      committedAt: "2025-02-03T10:00:00Z",
      files: ["config/database.yml"],
      pullRequest: { number: 12, mergedBy: null },
    });
    expect(commits[1]?.parents).toEqual([]);
    expect(commits[0]?.parents).toEqual([commits[1]?.sha]);
    expect(snapshot.history?.complete).toBe(true);
  });

  it("turns version tags into tag deploys and ignores other tags", async () => {
    const snapshot = await readLocalSnapshot({ dir: repo, formats: [FORMAT] });
    const deploys = snapshot.history?.deploys ?? [];
    expect(deploys).toHaveLength(1);
    expect(deploys[0]).toMatchObject({
      id: "tag:v1.2.0",
      source: "tag",
      sha: snapshot.history?.commits[0]?.sha,
      creator: { id: "maya@acme.test" },
    });
  });

  it("limits history to the window", async () => {
    const snapshot = await readLocalSnapshot({ dir: repo, formats: [FORMAT], since: new Date("2025-02-02T00:00:00Z") });
    expect(snapshot.history?.commits).toHaveLength(1);
  });

  it("reads a directory that is not a git repository, without history", async () => {
    const snapshot = await readLocalSnapshot({ dir: plain, formats: [FORMAT] });
    expect(snapshot.paths).toEqual(["config/app.yml", "docker-compose.yml"]);
    expect(snapshot.files.get("config/app.yml")).toBe("a: 1\n");
    expect(snapshot.history).toBeUndefined();
    expect(snapshot.commit).toBeNull();
  });

  it("gives the HEAD sha for a clean checkout", async () => {
    const clean = tempDir();
    run(clean, ["init", "-q", "-b", "trunk"], "2025-01-01T00:00:00Z");
    write(clean, "docker-compose.yml", "services: {}\n");
    run(clean, ["add", "."], "2025-03-01T00:00:00Z");
    run(clean, ["commit", "-q", "-m", "Merge pull request #7 from acme/x"], "2025-03-01T00:00:00Z");
    const snapshot = await readLocalSnapshot({ dir: clean, formats: [FORMAT] });
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: clean }).toString().trim();
    expect(snapshot).toMatchObject({ commit: head, defaultBranch: "trunk" });
    expect(snapshot.history?.commits[0]?.pullRequest).toMatchObject({ number: 7, mergedBy: { id: "maya@acme.test" } });
  });

  it("rejects a path that is not a directory", async () => {
    await expect(readLocalSnapshot({ dir: join(plain, "docker-compose.yml") })).rejects.toThrow(/not a directory/);
  });
});
