import { describe, expect, it } from "vitest";
import { classifyPath, isIgnoredPath } from "./classify";
import { defaultConfig } from "./config/defaults";
import type { Environment, ParityConfig } from "./types";

describe("classifyPath (built-in rules)", () => {
  it.each<[string, Environment[]]>([
    ["docker-compose.yml", ["dev"]],
    ["compose.yaml", ["dev"]],
    ["docker-compose.override.yml", ["dev"]],
    ["docker-compose.dev.yml", ["dev"]],
    ["services/api/docker-compose.local.yaml", ["dev"]],
    ["docker-compose.prod.yml", ["prod"]],
    ["compose.production.yaml", ["prod"]],
    ["docker-compose.test.yml", ["test"]],
    ["docker-compose.ci.yml", ["ci"]],
    ["docker-compose.staging.yml", ["staging"]],
    [".devcontainer/devcontainer.json", ["dev"]],
    [".devcontainer/Dockerfile", ["dev"]],
    [".devcontainer/docker-compose.yml", ["dev"]],
    [".devcontainer.json", ["dev"]],
    [".env.example", ["dev"]],
    [".env.sample", ["dev"]],
    [".env.development", ["dev"]],
    [".env", ["dev"]],
    [".env.test", ["test"]],
    [".env.production", ["prod"]],
    [".env.production.local", ["prod"]],
    [".env.staging", ["staging"]],
    [".github/workflows/ci.yml", ["ci"]],
    [".github/workflows/deploy.yaml", ["ci"]],
    [".gitlab-ci.yml", ["ci"]],
    ["k8s/deployment.yaml", ["prod"]],
    ["deploy/postgres.yaml", ["prod"]],
    ["manifests/redis-statefulset.yaml", ["prod"]],
    ["charts/shop/values.yaml", ["prod"]],
    ["charts/shop/Chart.yaml", ["prod"]],
    ["helm/values-staging.yaml", ["staging"]],
    ["k8s/overlays/staging/kustomization.yaml", ["staging"]],
    ["k8s/overlays/production/kustomization.yaml", ["prod"]],
    ["k8s/overlays/dev/patch.yaml", ["dev"]],
    ["fly.toml", ["prod"]],
    ["fly.staging.toml", ["staging"]],
    ["render.yaml", ["prod"]],
    ["app.json", ["prod"]],
    ["heroku.yml", ["prod"]],
    ["Procfile", ["prod"]],
    ["Procfile.dev", ["dev"]],
    ["railway.json", ["prod"]],
    ["railway.toml", ["prod"]],
    ["serverless.yml", ["prod"]],
    ["infra/main.tf", ["prod"]],
    ["terraform/envs/staging/rds.tf", ["staging"]],
    ["Dockerfile", ["prod"]],
    ["api/Dockerfile", ["prod"]],
    ["Dockerfile.dev", ["dev"]],
    ["dev.Dockerfile", ["dev"]],
    [".gitpod.yml", ["dev"]],
    [".nvmrc", ["dev"]],
    [".node-version", ["dev"]],
    [".tool-versions", ["dev"]],
    [".python-version", ["dev"]],
    ["backend/.ruby-version", ["dev"]],
    ["package.json", []],
    ["config/database.yml", []],
    ["mobile/app.json", []],
    ["src/index.ts", []],
  ])("%s -> %j", (path, expected) => {
    expect(classifyPath(path, null)).toEqual(expected);
  });
});

describe("classifyPath with .parity.yml", () => {
  const config: ParityConfig = {
    ...defaultConfig(),
    environments: {
      prod: ["ops/compose.yml", "deploy/**"],
      staging: ["deploy/staging/**"],
      dev: ["docker/dev/**"],
      ignore: ["examples/**"],
    },
  };

  it.each<[string, Environment[]]>([
    ["ops/compose.yml", ["prod"]],
    ["docker/dev/Dockerfile", ["dev"]],
    ["deploy/staging/app.yaml", ["staging", "prod"]],
    ["docker-compose.yml", ["dev"]],
    ["examples/docker-compose.yml", []],
  ])("%s -> %j", (path, expected) => {
    expect(classifyPath(path, config)).toEqual(expected);
  });

  it("ignores only what the ignore globs name", () => {
    expect(isIgnoredPath("examples/rails/.env.example", config)).toBe(true);
    expect(isIgnoredPath(".env.example", config)).toBe(false);
    expect(isIgnoredPath("examples/a", null)).toBe(false);
  });
});
