import { programWords, scriptCommands } from "./shell";

/**
 * Test commands: what makes a CI job a test job. Matched on a command's words after `sudo`,
 * `npx`, `bundle exec` and `VAR=value` prefixes, and after runners that only wrap the command
 * (`uv run`, `poetry run`, `coverage run`, `xvfb-run`). Package-manager scripts and make targets
 * are followed elsewhere; here a script named like a test (`npm run test:e2e`) counts by name.
 */

/** Programs that are test runners whatever their arguments. */
const RUNNERS = new Set([
  "pytest",
  "py.test",
  "tox",
  "nox",
  "rspec",
  "phpunit",
  "pest",
  "jest",
  "vitest",
  "mocha",
  "ava",
  "karma",
  "cypress",
  "gotestsum",
  "ginkgo",
  "ctest",
  "behat",
  "codecept",
  "paratest",
]);

/** `program subcommand` pairs that run tests. */
const SUBCOMMANDS: Record<string, readonly string[]> = {
  go: ["test"],
  cargo: ["test", "nextest"],
  dotnet: ["test"],
  mix: ["test"],
  rails: ["test", "spec", "test:all", "test:system"],
  rake: ["test", "spec", "test:all", "test:system"],
  playwright: ["test"],
  ng: ["test", "e2e"],
  deno: ["test"],
  bun: ["test"],
  artisan: ["test"],
  composer: ["test"],
  nx: ["test", "e2e"],
  turbo: ["test"],
  lerna: ["test"],
  sbt: ["test", "it:test", "testOnly"],
  swift: ["test"],
  cabal: ["test"],
  stack: ["test"],
  dart: ["test"],
  flutter: ["test"],
  lein: ["test"],
  bazel: ["test"],
  bazelisk: ["test"],
};

/** Task runners whose tasks are named by the repository (`just test`, `task test:unit`). */
const TASK_RUNNERS = new Set(["just", "task", "mage", "invoke", "earthly"]);

/** Wrappers that run the rest of the line as the command (`uv run pytest`). */
const WRAPPERS: Record<string, readonly string[]> = {
  uv: ["run"],
  poetry: ["run"],
  pipenv: ["run"],
  hatch: ["run"],
  pdm: ["run"],
  rye: ["run"],
  coverage: ["run"],
  "xvfb-run": [],
  dotenv: [],
  "cross-env": [],
  "with-contenv": [],
};

/** A script or target name that says it tests: `test`, `test:unit`, `e2e`, `ci:test`, `spec`. */
export function isTestName(name: string): boolean {
  return (
    /(^|[:_\-./])(test|tests|e2e|spec|specs|integration|int-test|it)($|[:_\-./])/i.test(name) || /^test/i.test(name)
  );
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf("/") + 1);
}

/**
 * The test command `words` run, as short text for evidence (`pytest`, `go test`), or null.
 * Package-manager scripts count by name only (`npm test`, `yarn test:e2e`); their bodies are
 * read by the caller.
 */
export function testCommand(words: readonly string[]): string | null {
  return testCommandAt(programWords(words), 0);
}

function testCommandAt(w: readonly string[], depth: number): string | null {
  const program = basename(w[0] ?? "");
  if (!program || depth > 3) return null;
  // Wrappers run a command given later (`uv run --python 3.12 pytest`, `xvfb-run -a npm test`,
  // `yarn workspace web playwright test`): the first later word that starts a test command.
  if (WRAPPERS[program] || program === "yarn" || program === "pnpm" || program === "bunx") {
    for (let i = 1; i < w.length; i++) {
      if ((w[i] as string).startsWith("-")) continue;
      const found = testCommandAt(programWords(w.slice(i)), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (RUNNERS.has(program)) return program;
  if (program === "python" || program === "python3") {
    if (w[1] === "-m" && (w[2] === "pytest" || w[2] === "unittest" || w[2] === "tox" || w[2] === "nox"))
      return `python -m ${w[2]}`;
    if (w[1] !== undefined && basename(w[1]) === "manage.py" && w[2] === "test") return "manage.py test";
    if (w[1] !== undefined && /(^|\/)(runtests|run_tests)\.py$/.test(w[1])) return basename(w[1]);
    if (w[1] !== undefined && basename(w[1]) === "setup.py" && w[2] === "test") return "setup.py test";
    return null;
  }
  if (program === "manage.py" && w[1] === "test") return "manage.py test";
  if (program === "php" && basename(w[1] ?? "") === "artisan" && w[2] === "test") return "artisan test";
  if (program === "php" && (basename(w[1] ?? "") === "phpunit" || basename(w[1] ?? "") === "pest"))
    return basename(w[1] ?? "");
  // Tests run inside a container (`docker compose run --rm web pytest`) or a shell string.
  if (isContainerRun(w)) {
    for (let i = 2; i < w.length; i++) {
      if ((w[i] as string).startsWith("-")) continue;
      const found = testCommandAt(programWords(w.slice(i)), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if ((program === "sh" || program === "bash" || program === "zsh") && w.includes("-c")) {
    const script = w[w.indexOf("-c") + 1] ?? "";
    for (const command of scriptCommands(script)) {
      const found = testCommandAt(programWords(command.words), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (TASK_RUNNERS.has(program)) {
    const task = w.slice(1).find((word) => !word.startsWith("-"));
    return task !== undefined && isTestName(task.replace(/^\+/, "")) ? `${program} ${task}` : null;
  }
  const subcommands = SUBCOMMANDS[program];
  if (subcommands) {
    const sub = w.slice(1).find((word) => !word.startsWith("-"));
    if (sub !== undefined && subcommands.includes(sub)) return `${program} ${sub}`;
    // `bin/rails db:setup test`: Rails and Rake run each task named.
    const task = w.slice(1).find((word) => subcommands.includes(word));
    if ((program === "rails" || program === "rake") && task) return `${program} ${task}`;
    // `nx run-many -t test`, `nx affected --target=test`, `turbo run test`, `nx execute e2e`.
    if (program === "nx" || program === "turbo" || program === "lerna") {
      if (w.some((x, i) => isTaskTest(w, i, x))) return `${program} test`;
      const named = w.slice(1).find((x) => !x.startsWith("-") && isTestName(x));
      if (named) return `${program} ${named}`;
    }
    return null;
  }
  if (program === "mvn" || program === "mvnw") return mavenTests(w);
  if (program === "gradle" || program === "gradlew") return gradleTests(w);
  return null;
}

/** `docker compose run|exec`, `docker-compose run|exec`, `docker run|exec`. */
function isContainerRun(w: readonly string[]): boolean {
  const [a, b, c] = w;
  if (a === "docker" && b === "compose") return c === "run" || c === "exec";
  if (a === "docker-compose") return b === "run" || b === "exec";
  return a === "docker" && (b === "run" || b === "exec");
}

function isTaskTest(w: readonly string[], i: number, word: string): boolean {
  if (/^--targets?=|^-t=/.test(word))
    return word
      .slice(word.indexOf("=") + 1)
      .split(",")
      .some(isTestName);
  if ((word === "-t" || word === "--target" || word === "--targets" || word === "run") && w[i + 1])
    return (w[i + 1] as string).split(",").some(isTestName);
  return false;
}

/** Maven phases from `test` on run the tests, unless told to skip them. */
function mavenTests(w: readonly string[]): string | null {
  if (w.some((word) => /^-D(skipTests|maven\.test\.skip)(=true)?$/.test(word))) return null;
  const phase = w.find((word) => ["test", "verify", "integration-test", "install", "package"].includes(word));
  return phase ? `mvn ${phase}` : null;
}

/** Gradle `test`, `check`, `build` (which depends on check) and `*Test` tasks, unless `-x test`. */
function gradleTests(w: readonly string[]): string | null {
  if (w.some((word, i) => word === "-x" && /test/i.test(w[i + 1] ?? ""))) return null;
  const task = w
    .slice(1)
    .find((word) => !word.startsWith("-") && /(^|:)(test|check|build|integrationTest|\w+Test)$/.test(word));
  return task ? `gradle ${task}` : null;
}
