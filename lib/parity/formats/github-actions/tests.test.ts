import { describe, expect, it } from "vitest";
import { makeTargets, packageScript, parseMakefile } from "./follow";
import { scriptCommands } from "./shell";
import { isTestName, testCommand } from "./tests";

const words = (text: string) => scriptCommands(text)[0]?.words ?? [];

describe("testCommand", () => {
  it.each([
    ["pytest -x tests/", "pytest"],
    ["uv run --python 3.12 --frozen pytest", "pytest"],
    ["python -m pytest", "python -m pytest"],
    ["python manage.py test --parallel", "manage.py test"],
    ["go test ./...", "go test"],
    ["bundle exec rspec", "rspec"],
    ["bin/rails db:setup test", "rails test"],
    ["./mvnw -B verify", "mvn verify"],
    ["./gradlew build", "gradle build"],
    ["php artisan test", "artisan test"],
    ["vendor/bin/phpunit", "phpunit"],
    ["npx playwright test --project=api", "playwright test"],
    ["yarn workspace web playwright test", "playwright test"],
    ["docker compose run --rm web sh -c 'bundle exec rspec'", "rspec"],
    ["xvfb-run -a npx cypress run", "cypress"],
    ["nx run-many -t test", "nx test"],
    ["yarn nx affected --targets=lint,test:integration,test --base origin/main", "nx test"],
    ["just test", "just test"],
    ["task test:unit", "task test:unit"],
    ["earthly +test", "earthly +test"],
    ["sbt -v test", "sbt test"],
    ["bazel test //...", "bazel test"],
    ["python setup.py test", "setup.py test"],
    ["just build", null],
    ["npm run lint", null],
    ["./mvnw -B package -DskipTests", null],
    ["./gradlew build -x test", null],
    ["docker build -t app .", null],
    ["go build ./...", null],
    ["python manage.py migrate", null],
  ])("%s -> %s", (command, expected) => {
    expect(testCommand(words(command))).toBe(expected);
  });

  it.each([
    ["test", true],
    ["test:e2e", true],
    ["ci:backend:test", true],
    ["e2e", true],
    ["lint", false],
    ["build", false],
    ["latest", false],
  ])("script name %s tests: %s", (name, expected) => {
    expect(isTestName(name)).toBe(expected);
  });
});

describe("following package scripts and make targets", () => {
  it.each([
    ["npm test", { script: "test", dir: null, workspace: false }],
    ["npm run ci", { script: "ci", dir: null, workspace: false }],
    ["npm ci", null],
    ["yarn test:e2e", { script: "test:e2e", dir: null, workspace: false }],
    ["yarn install --frozen-lockfile", null],
    ["pnpm --filter web test", { script: "test", dir: null, workspace: true }],
    ["npm --prefix frontend run build", { script: "build", dir: "frontend", workspace: false }],
    ["bun test", null],
  ])("%s -> %j", (command, expected) => {
    expect(packageScript(words(command))).toEqual(expected);
  });

  it("reads make's directory, file and targets", () => {
    expect(makeTargets(words("make -C backend test lint"))).toEqual({
      targets: ["test", "lint"],
      dir: "backend",
      file: null,
    });
  });

  it("parses targets, prerequisites, recipes and simple variables", () => {
    const makefile = parseMakefile("DC ?= docker compose\n\nup: build\n\t$(DC) up -d\n\nbuild:\n\tdocker build .\n");
    expect(makefile.vars.get("DC")).toBe("docker compose");
    expect(makefile.rules.get("up")).toEqual({ prerequisites: ["build"], recipe: ["$(DC) up -d"] });
  });
});
