import { describe, expect, it } from "vitest";
import type { ExtractContext } from "../../types";
import { extractCompose } from "./extract";

/** A small repository in memory: every file readable, `repository` as a hosted audit knows it. */
function repo(files: Record<string, string>, repository = "acme/shop"): ExtractContext {
  const contents = new Map(Object.entries(files));
  return { paths: [...contents.keys()], readFile: (path) => contents.get(path), repository };
}

const DEV_STACK = `services:
  db:
    image: postgres:16
  cache:
    image: hiett/serverless-redis-http:0.0.10
    restart: "no"
  storage:
    image: dxflrs/garage:v1.0.1
    restart: always
`;

const SELF_HOSTING = `services:
  shop:
    image: ghcr.io/acme/shop:2.1.0
    restart: unless-stopped
  db:
    image: postgres:16
`;

const BUILDS = `services:
  web:
    build: .
  db:
    image: postgres:16
`;

/** A self-hosting stack that builds the release Dockerfile, or pulls the release if users prefer. */
const OFFERS_RELEASE = `services:
  web:
    build:
      context: ..
      dockerfile: docker/Dockerfile
    # To use a pre-built image, remove the build section above and uncomment:
    # image: acme/shop:latest
    env_file:
      - .env
  db:
    image: postgres:16
`;

const OVERRIDE = `services:
  shop:
    build: .
`;

describe("compose role: what a file runs and who runs it", () => {
  it.each<[string, Record<string, string>, string, string | undefined, string | undefined]>([
    // name, files, file under test, environment, reason
    [
      "the app's published image, no build: self-hosting",
      { "compose.yml": SELF_HOSTING },
      "compose.yml",
      "prod",
      "runs the published image ghcr.io/acme/shop:2.1.0 with no build of the source",
    ],
    [
      "tool images with restart policies are not the app",
      { "compose.yml": DEV_STACK },
      "compose.yml",
      undefined,
      undefined,
    ],
    [
      "a dev name wins over a restart policy",
      { "docker-compose.dev.yml": DEV_STACK, "docker-compose.yml": SELF_HOSTING },
      "docker-compose.dev.yml",
      undefined,
      undefined,
    ],
    [
      "builds the source but its comment offers the app's published image: self-hosting",
      { "docker/compose.yml": OFFERS_RELEASE },
      "docker/compose.yml",
      "prod",
      "builds the source or, as its comment offers, runs the published image acme/shop:latest",
    ],
    [
      "offers the release image but bind-mounts the source: a developer's stack still",
      { "compose.yml": OFFERS_RELEASE.replace("      - .env\n", "      - .env\n    volumes:\n      - .:/app\n") },
      "compose.yml",
      undefined,
      "builds the source: a developer's stack (default)",
    ],
    [
      "a commented image of another product is no offer of the app's",
      { "compose.yml": OFFERS_RELEASE.replace("acme/shop:latest", "redis:7") },
      "compose.yml",
      undefined,
      "builds the source: a developer's stack (default)",
    ],
    [
      "a production folder is the path's to place",
      { "docker/production/compose.yml": BUILDS },
      "docker/production/compose.yml",
      undefined,
      undefined,
    ],
    [
      "run by a package script",
      {
        "docker/compose.yml": SELF_HOSTING,
        "package.json": JSON.stringify({ scripts: { "db:up": "docker compose -f docker/compose.yml up -d" } }, null, 2),
      },
      "docker/compose.yml",
      "dev",
      "run by npm run db:up (package.json:3)",
    ],
    [
      "run by a make test target",
      {
        "stack.compose.yml": BUILDS,
        Makefile:
          "COMPOSE ?= docker compose\nFILES = -f stack.compose.yml\n\ntest:\n\t$(COMPOSE) $(FILES) run web pytest\n",
      },
      "stack.compose.yml",
      "test",
      "run by make test (Makefile:5)",
    ],
    [
      "started by the dev container",
      {
        "compose.yaml": SELF_HOSTING,
        ".devcontainer/devcontainer.json": '{\n  "dockerComposeFile": ["../compose.yaml"],\n  "service": "shop"\n}\n',
      },
      "compose.yaml",
      "dev",
      "run by the dev container (.devcontainer/devcontainer.json:2)",
    ],
    [
      "started only by CI",
      {
        "compose.yaml": BUILDS,
        ".github/workflows/smoke.yml":
          "jobs:\n  smoke:\n    steps:\n      - run: docker compose up -d --build --wait\n",
      },
      "compose.yaml",
      "ci",
      "started only by CI (.github/workflows/smoke.yml:4)",
    ],
    [
      "a self-hosting README section",
      {
        "ops/stack.yml": BUILDS,
        "README.md": "# Shop\n\n## Self-hosting\n\n    docker compose -f ops/stack.yml up -d\n",
      },
      "ops/stack.yml",
      "prod",
      'run by the "Self-hosting" section of README.md (README.md:5)',
    ],
    [
      "a build of a production Dockerfile",
      {
        "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      dockerfile: prod.Dockerfile\n",
      },
      "compose.yaml",
      "prod",
      "builds prod.Dockerfile, a production image",
    ],
    [
      "a build of the source with nobody running it",
      { "compose.yaml": BUILDS },
      "compose.yaml",
      undefined,
      "builds the source: a developer's stack (default)",
    ],
  ])("%s", (_name, files, path, environment, reason) => {
    const result = extractCompose({ path, content: files[path] ?? "" }, repo(files));
    expect(result.environment).toBe(environment);
    expect(result.reason).toBe(reason);
  });

  it("merges an amending file with the base it overrides", () => {
    const files = { "docker-compose.yml": SELF_HOSTING, "docker-compose.dev.yml": OVERRIDE };
    const dev = extractCompose({ path: "docker-compose.dev.yml", content: OVERRIDE }, repo(files));
    // Compose runs the base's services too: the engine copies them into dev (references).
    expect(dev.references).toEqual([{ path: "docker-compose.yml", environment: "dev", line: 1 }]);
    const standalone = extractCompose(
      { path: "docker-compose.dev.yml", content: DEV_STACK },
      repo({
        "docker-compose.yml": SELF_HOSTING,
        "docker-compose.dev.yml": DEV_STACK,
      }),
    );
    expect(standalone.references).toBeUndefined();
  });

  it.each<[string, string | undefined, string | undefined]>([
    ["# Local development stack: `docker compose up`\n", "dev", 'its header says "Local development"'],
    ["# To make it easier to self-host, this runs everything.\n", "prod", 'its header says "self-host"'],
    [
      "# Copyright Acme\n# Not for self-hosting: local development only\n",
      "dev",
      'its header says "local development"',
    ],
    [
      "# Mirrors the settings Terraform uses in production.\n",
      undefined,
      "builds the source: a developer's stack (default)",
    ],
  ])("reads its header comment %j", (header, environment, reason) => {
    const content = `${header}${BUILDS}`;
    const result = extractCompose({ path: "compose.yaml", content }, repo({ "compose.yaml": content }));
    expect(result.environment).toBe(environment);
    expect(result.reason).toBe(reason);
  });

  it("reads nothing from a project template and reports no parse error", () => {
    const content = `services:\n  postgres:\n    image: postgres:{{ cookiecutter.postgresql_version }}\n{%- if cookiecutter.use_celery == 'y' %}\n  redis:\n    image: redis:7\n{%- endif %}\n`;
    const result = extractCompose({ path: "{{cookiecutter.slug}}/docker-compose.local.yml", content }, repo({}));
    expect(result).toEqual({
      uses: [],
      problems: [],
      reason: "a project template (Jinja tags): not read until rendered",
    });
    // Compose's own `${VAR}` interpolation is not a template.
    const plain = extractCompose(
      { path: "compose.yaml", content: "services:\n  db:\n    image: postgres:${PG:-16}\n" },
      repo({}),
    );
    expect(plain.uses).toHaveLength(1);
  });

  it("keeps a self-hosting stack's literals in prod and a dev stack's out of it", () => {
    const withSecret = `${SELF_HOSTING}    environment:\n      POSTGRES_PASSWORD: hunter2\n`;
    const prod = extractCompose({ path: "compose.yml", content: withSecret }, repo({ "compose.yml": withSecret }));
    expect(prod.literals?.map((literal) => literal.key)).toEqual(["POSTGRES_PASSWORD"]);
    const devSecret = `${DEV_STACK}    environment:\n      POSTGRES_PASSWORD: hunter2\n`;
    const dev = extractCompose(
      { path: "docker-compose.dev.yml", content: devSecret },
      repo({ "docker-compose.dev.yml": devSecret }),
    );
    expect(dev.literals).toEqual([]);
  });

  it.each<[string, string, string | undefined, boolean]>([
    // name, content, repository, runs the app
    ["the app's published image", SELF_HOSTING, "acme/shop", true],
    ["a build of the source", BUILDS, "acme/shop", true],
    ["backing services and tools only", DEV_STACK, "acme/shop", false],
    [
      "another product's stack (Keycloak and its database)",
      "services:\n  keycloak:\n    image: quay.io/keycloak/keycloak:26.0\n    restart: always\n  kc-db:\n    image: postgres:13\n",
      "acme/shop",
      false,
    ],
    ["the app's image left to a variable", "services:\n  app:\n    image: ${APP_IMAGE}\n", "acme/shop", false],
    ["an unknown repository cannot tell the app's image", SELF_HOSTING, undefined, false],
  ])("says whether it runs the application: %s", (_name, content, repository, runsApp) => {
    const ctx = { ...repo({ "deploy/compose.yml": content }), repository };
    expect(extractCompose({ path: "deploy/compose.yml", content }, ctx).runsApp === true).toBe(runsApp);
  });
});
