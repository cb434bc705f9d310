import { describe, it } from "vitest";
import { expectFix, type FixCase, PROD_DOCKERFILE } from "./__tests__/support";

const setupNode = (input: string) => `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          ${input}
      - run: npm ci
      - run: npm test
`;

const PYTHON_PROD = 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n';

const CASES: FixCase[] = [
  {
    name: ".nvmrc moves to prod's major",
    files: { ".nvmrc": "18\n", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".nvmrc": ["18", "20"] },
  },
  {
    name: ".nvmrc with a v and a full version keeps the v",
    files: { ".nvmrc": "v18.17.0", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".nvmrc": ["v18.17.0", "v20"] },
  },
  {
    name: ".node-version",
    files: { ".node-version": "18\n", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".node-version": ["18", "20"] },
  },
  {
    name: "setup-node's node-version input keeps its quotes",
    files: { ".github/workflows/ci.yml": setupNode("node-version: '18'"), Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".github/workflows/ci.yml": ["'18'", "'20'"] },
  },
  {
    name: "setup-node's node-version-file: the file it reads is changed",
    files: {
      ".github/workflows/ci.yml": setupNode("node-version-file: .nvmrc"),
      ".nvmrc": "18\n",
      Dockerfile: PROD_DOCKERFILE,
    },
    check: "runtime-version",
    changes: { ".nvmrc": ["18", "20"] },
  },
  {
    name: ".python-version at the same precision",
    files: { ".python-version": "3.11\n", Dockerfile: PYTHON_PROD },
    check: "runtime-version",
    changes: { ".python-version": ["3.11", "3.12"] },
  },
  {
    name: ".python-version with a patch release: pyenv needs an exact one, not guessed",
    files: { ".python-version": "3.11.4\n", Dockerfile: PYTHON_PROD },
    check: "runtime-version",
    reason: /needs an exact version/,
  },
  {
    name: ".tool-versions with a patch release: asdf needs an exact one",
    files: { ".tool-versions": "nodejs 18.17.0\nruby 3.2.2\n", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    reason: /needs an exact version/,
  },
  {
    name: "a dev container's FROM keeps its variant",
    files: { ".devcontainer/Dockerfile": "FROM node:18-bullseye\nRUN npm i -g pnpm\n", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".devcontainer/Dockerfile": ["node:18-bullseye", "node:20-bullseye"] },
  },
  {
    name: ".tool-versions at the same precision: only the number changes",
    files: { ".tool-versions": "nodejs 18\n", Dockerfile: PROD_DOCKERFILE },
    check: "runtime-version",
    changes: { ".tool-versions": ["nodejs 18", "nodejs 20"] },
  },
  {
    name: "a Travis wildcard version keeps its .x and quotes",
    files: {
      ".travis.yml": 'language: go\ngo:\n  - "1.21.x"\nscript: make test\n',
      Dockerfile: "FROM golang:1.22-alpine\n",
    },
    check: "runtime-version",
    changes: { ".travis.yml": ['"1.21.x"', '"1.22.x"'] },
  },
  {
    name: "a devcontainer feature version in JSONC, comments and trailing commas kept",
    files: {
      ".devcontainer/devcontainer.json":
        '{\n  // dev\n  "image": "mcr.microsoft.com/devcontainers/base:bookworm",\n  "features": {\n    "ghcr.io/devcontainers/features/node:1": { "version": "18" },\n  },\n}\n',
      Dockerfile: PROD_DOCKERFILE,
    },
    check: "runtime-version",
    changes: { ".devcontainer/devcontainer.json": ['"version": "18"', '"version": "20"'] },
  },
];

describe("runtime-version fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
