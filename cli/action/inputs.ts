import { SEVERITIES, type Severity } from "../../lib/parity/types";

/** The Action's inputs (action.yml), read as the runner passes them: `INPUT_<NAME>` variables. */
export interface ActionInputs {
  /** Directory to audit, relative to the workspace. */
  path: string;
  failOn: Severity | null;
  failUnder: number | null;
  /** Where the SARIF report is written, relative to the workspace unless absolute. */
  sarifFile: string;
  /** Which findings become annotations: those on lines the change touched, all, or none. */
  annotations: "changed" | "all" | "none";
  /** Where the time and personnel history comes from. */
  history: "git" | "github" | "none";
  githubToken: string;
}

export class InputError extends Error {}

type Environment = Readonly<Record<string, string | undefined>>;

/** The runner keeps an input's hyphens and upper-cases it: `fail-on` arrives as `INPUT_FAIL-ON`. */
function input(env: Environment, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === "") return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name} must be one of ${allowed.join(", ")} (got "${value}").`);
}

export function readInputs(env: Environment): ActionInputs {
  const failOn = input(env, "fail-on");
  if (failOn !== "" && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${SEVERITIES.join(", ")} (got "${failOn}").`);
  }
  const failUnder = input(env, "fail-under");
  if (failUnder !== "" && !/^(100|[1-9]?\d)$/.test(failUnder)) {
    throw new InputError(`input fail-under must be a whole number from 0 to 100 (got "${failUnder}").`);
  }
  return {
    path: input(env, "path") || ".",
    failOn: failOn === "" ? null : (failOn as Severity),
    failUnder: failUnder === "" ? null : Number(failUnder),
    sarifFile: input(env, "sarif-file") || "parity.sarif",
    annotations: oneOf("annotations", input(env, "annotations"), ["changed", "all", "none"] as const, "changed"),
    history: oneOf("history", input(env, "history"), ["git", "github", "none"] as const, "git"),
    githubToken: input(env, "github-token"),
  };
}
