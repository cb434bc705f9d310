import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { extractDockerfile } from "./extract";

function repo(files: Record<string, string>): ExtractContext {
  const contents = new Map(Object.entries(files));
  return { paths: [...contents.keys()], readFile: (path) => contents.get(path), repository: "acme/shop" };
}

const NODE = 'FROM node:22-alpine\nCMD ["node", "server.js"]\n';
const DEV_COMPOSE =
  "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/app/Dockerfile\n  db:\n    image: postgres:16\n";
const PUBLISH = `jobs:
  image:
    steps:
      - uses: docker/build-push-action@v6
        with:
          file: docker/app/Dockerfile
          push: true
`;

describe("dockerfile role: who builds it", () => {
  it.each<[string, Record<string, string>, string | undefined, string | undefined]>([
    // name, files (docker/app/Dockerfile under test), environment, reason
    [
      "built only by the dev compose",
      { "docker/app/Dockerfile": NODE, "docker-compose.yml": DEV_COMPOSE },
      "dev",
      "built only by dev stacks (docker-compose.yml service web); no CI workflow publishes it",
    ],
    [
      "published by CI whatever builds it",
      {
        "docker/app/Dockerfile": NODE,
        "docker-compose.yml": DEV_COMPOSE,
        ".github/workflows/release.yml": PUBLISH,
      },
      undefined,
      undefined,
    ],
    [
      "a header that says development",
      {
        "docker/app/Dockerfile": `# This image is for development purposes only.\n${NODE}`,
      },
      "dev",
      'its header says "for development"',
    ],
    [
      "built by a self-hosting stack",
      {
        "docker/app/Dockerfile": NODE,
        "docker-compose.yml": `${DEV_COMPOSE.replace("  db:", "    restart: always\n  db:")}`,
        "package.json": '{ "scripts": { "deploy": "docker compose up -d" } }',
      },
      undefined,
      undefined,
    ],
    [
      "a dev build of another stage",
      {
        "docker/app/Dockerfile": `FROM node:22 AS dev\nFROM node:22-alpine AS release\n`,
        "docker-compose.yml": DEV_COMPOSE.replace("docker/app/Dockerfile", "docker/app/Dockerfile\n      target: dev"),
      },
      undefined,
      undefined,
    ],
    ["nothing builds it", { "docker/app/Dockerfile": NODE }, undefined, undefined],
  ])("%s", (_name, files, environment, reason) => {
    const path = "docker/app/Dockerfile";
    const result = extractDockerfile({ path, content: files[path] ?? "" }, repo(files));
    expect(result.environment).toBe(environment);
    expect(result.reason).toBe(reason);
  });

  it("leaves test tooling to the path rules (Dockerfile.cypress, tests/ folders)", () => {
    const files = { "e2e/Dockerfile.cypress": NODE, "compose.yaml": "services:\n  e2e:\n    build: e2e\n" };
    const result = extractDockerfile({ path: "e2e/Dockerfile.cypress", content: NODE }, repo(files));
    expect(result.environment).toBeUndefined();
  });
});

describe("dockerfile role: workflows are read once per audit", () => {
  const files = new Map<string, string>([
    ["api/Dockerfile", NODE],
    ["web/Dockerfile", NODE],
    ["worker/Dockerfile", NODE],
    ["docker-compose.yml", DEV_COMPOSE],
    [".github/workflows/release.yml", PUBLISH],
  ]);

  /** How many times the workflow is read while the role of each of `dockerfiles` is found. */
  function workflowReads(dockerfiles: string[]): number {
    let reads = 0;
    const ctx: ExtractContext = {
      paths: [...files.keys()],
      readFile: (path) => {
        if (path === ".github/workflows/release.yml") reads++;
        return files.get(path);
      },
      repository: "acme/shop",
    };
    for (const path of dockerfiles) extractDockerfile({ path, content: NODE }, ctx);
    return reads;
  }

  it("reads a workflow as often for three Dockerfiles as for one", () => {
    expect(workflowReads(["api/Dockerfile", "web/Dockerfile", "worker/Dockerfile"])).toBe(
      workflowReads(["api/Dockerfile"]),
    );
  });
});
