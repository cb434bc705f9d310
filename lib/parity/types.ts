/**
 * The engine's vocabulary: every name here is shared by the CLI's JSON, the database and the UI.
 * See docs/parity-model.md. The engine is pure: nothing in lib/parity does I/O or reads a clock.
 */

export const ENVIRONMENTS = ["dev", "test", "ci", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const SERVICE_KINDS = ["database", "cache", "broker", "storage", "search", "mail", "runtime"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const GAPS = ["tools", "time", "personnel"] as const;
export type Gap = (typeof GAPS)[number];

export const SEVERITIES = ["high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LEVELS = ["bronze", "silver", "gold"] as const;
export type Level = (typeof LEVELS)[number];

/* ------------------------------------------------------------------------------------------
 * Snapshot: what a source (GitHub, local git) hands the engine. Plain data, no I/O handles.
 * ---------------------------------------------------------------------------------------- */

export interface RepoSnapshot {
  /** `owner/repo` for GitHub, the directory name for a local checkout. */
  repository: string;
  defaultBranch: string | null;
  /** The audited commit sha, or null for an uncommitted working tree. */
  commit: string | null;
  /** Every path in the tree (files only), repository-relative, `/`-separated. */
  paths: readonly string[];
  /** Contents of the files the formats claim (see `claimedPaths`). Others may be absent. */
  files: ReadonlyMap<string, string>;
  /** Files the source could not read (too large, binary, truncated tree), with the reason. */
  skipped?: readonly { path: string; reason: string }[];
  /** Commits and deploys; absent when the source has no history (time/personnel then unknown). */
  history?: History;
}

export interface Person {
  /** GitHub login when known, else the git author email or name. */
  id: string;
  isBot: boolean;
}

export interface Commit {
  sha: string;
  /** Parent shas (first parent first). Used for "which deploy contains this commit". */
  parents: readonly string[];
  author: Person | null;
  /** ISO 8601. Author date: when the code was written. */
  authoredAt: string;
  /** ISO 8601. When the commit reached the branch (committer date). */
  committedAt: string;
  /** Paths changed, when the source knows them (infra-ownership needs them). */
  files?: readonly string[];
  /** The pull request that brought the commit, when known. */
  pullRequest?: { number: number; mergedBy: Person | null; mergedAt: string | null } | null;
}

export type DeploySource = "deployment" | "workflow-run" | "release" | "tag";

export interface Deploy {
  id: string;
  /** Environment name as the platform spells it (e.g. `production`, `prod-eu`). */
  environment: string;
  sha: string;
  /** ISO 8601 of the deploy (first successful status, run completion, release publication). */
  deployedAt: string;
  creator: Person | null;
  source: DeploySource;
  /** How the deploy started: by a push/merge (`automatic`) or by a person (`manual`). */
  trigger: "automatic" | "manual" | "unknown";
  /** Name of the integration that created it (e.g. `vercel`, `render`), when not Actions. */
  integration?: string;
}

export interface History {
  /** Default-branch commits, newest first, with enough depth to cover the measured window. */
  commits: readonly Commit[];
  deploys: readonly Deploy[];
  /** True when the source saw the whole window (false: metrics are labelled partial). */
  complete: boolean;
}

/* ------------------------------------------------------------------------------------------
 * Formats: one folder per file format under lib/parity/formats/<id>/.
 * ---------------------------------------------------------------------------------------- */

export interface FormatFile {
  path: string;
  content: string;
}

export interface ExtractContext {
  /** Every path of the snapshot. */
  paths: readonly string[];
  /** Reads another file of the snapshot (undefined when absent or not fetched). */
  readFile(path: string): string | undefined;
  /** `owner/name` of the repository, when known: tells the app's own published image. */
  repository?: string;
}

/** How a fact was learned, shown beside the evidence. */
export type FactVia =
  | "image"
  | "url"
  | "adapter"
  | "setting"
  | "default"
  | "version-file"
  | "action"
  | "feature"
  | "resource"
  | "addon"
  | "dependency";

/** One fact a format read: a backing service or runtime used in one environment. */
export interface ExtractedUse {
  kind: ServiceKind;
  /** Catalog engine id (`postgres`, `redis`, `s3`, `sqlite`, `in-memory`, `node`, ...). */
  engine: string;
  /** Normalized at the model's granularity (`16`, `9.6`, `8.0`), null when unknown. */
  version: string | null;
  /** For images: false when the tag floats (`latest`, none, bare variant). Null when n/a. */
  pinned: boolean | null;
  /** 1-based line of the fact, from the parser's AST. */
  line: number;
  /** Short redacted text of the fact as written (`image: postgres:16-alpine`). */
  raw: string;
  via: FactVia;
  /** Set when the file itself says which environment (framework blocks, CI jobs). */
  environment?: Environment;
  /** Name in the file: compose service, workflow job, k8s workload, Rails block... */
  name?: string;
  /** The product this stands in for (MinIO for s3): same engine for parity, shown as emulator. */
  emulator?: string;
}

/**
 * A container image a definition runs as written (a compose service's `image:` it does not build,
 * a Kubernetes container, a CI job's service or container, a Beanstalk Dockerrun image), backing
 * service or not: unpinned-image reads the ones no catalog rule makes a service use.
 */
export interface DeployedImage {
  /** The reference as it runs (compose defaults applied), redacted: `adminer`, `ghcr.io/acme/app:latest`. */
  ref: string;
  line: number;
  /**
   * `pinned`: a version tag or a digest; `floating`: no tag, or `latest` and its variants
   * (catalog/image-tags.ts); `unknown`: the tag is left to a variable or template not resolved.
   */
  tag: "pinned" | "floating" | "unknown";
  /** The application's own image (its name carries the repository's owner or name). */
  own: boolean;
  /** Name in the file: compose service, Kubernetes workload, CI job/service. */
  name?: string;
  /** Set when the file itself says which environment (a CI job). */
  environment?: Environment;
}

/** An environment variable a file documents (`.env.example`) or reads (prod config). */
export interface EnvKeyUse {
  key: string;
  line: number;
  role: "documents" | "reads";
  environment?: Environment;
}

/** A connection setting or credential written as a literal in committed config. */
export interface LiteralSetting {
  key: string;
  line: number;
  /** Redacted value (never the secret itself). */
  value: string;
  environment?: Environment;
}

/** A CI job that deploys, recognised by structure. */
export interface DeployJob {
  workflow: string;
  job: string;
  line: number;
  /** Target environment name (`production`), when the job says. */
  environment: string | null;
  /** What made it a deploy: `environment: production`, `flyctl deploy`, ... */
  evidence: string;
  /** Events that trigger the workflow (`push`, `workflow_dispatch`, `release`, ...). */
  triggers: readonly string[];
}

/** A CI job that is not a deploy: whether it runs the tests, and what it starts for them. */
export interface CiJob {
  workflow: string;
  job: string;
  line: number;
  /** The test command that makes it a test job (`npm test`, `pytest`), null when it runs none. */
  tests: string | null;
  /** Compose files the job starts (directly or through scripts, npm scripts and make targets). */
  starts: string[];
  /** A reusable workflow the job calls (`org/repo/.github/workflows/x.yml@v1`): not readable. */
  calls?: string;
}

/**
 * A test double wired into test code in place of a backing service's client (`ioredis` swapped
 * for `ioredis-mock`, a deep mock of a Prisma client, `go-sqlmock`): the tests that use it never
 * talk to the service.
 */
export interface TestDouble {
  kind: ServiceKind;
  /** The engine the client speaks (`redis`), null when it does not say (an ORM's client). */
  engine: string | null;
  /** 1-based line of the wiring (the `vi.mock`, the import, the `mockDeep<...>()` call). */
  line: number;
  /** Short redacted text of that line. */
  raw: string;
  /** The double (`ioredis-mock`, `jest-mock-extended`). */
  library: string;
}

export interface Problem {
  /** `parse-error`: the file could not be read as its format. `skipped`: stated skip. */
  type: "parse-error" | "skipped";
  line: number;
  message: string;
}

export interface ExtractResult {
  uses: ExtractedUse[];
  envKeys?: EnvKeyUse[];
  literals?: LiteralSetting[];
  deployJobs?: DeployJob[];
  /** CI jobs that do not deploy (github-actions): which run tests, per job. */
  ciJobs?: CiJob[];
  /** Test doubles of backing-service clients that this (test) file wires in. */
  testDoubles?: TestDouble[];
  /** Images the file runs as written, backing services or not (DeployedImage). */
  images?: DeployedImage[];
  /** Image names a build tool of the file builds and retags at deploy (skaffold artifacts, Tilt
   *  `docker_build`): a manifest naming one runs the fresh build, not the name as written. */
  builtImages?: string[];
  /** The content says the file is not this format's after all (a test file using no container
   *  library): the file is not listed as this format's. */
  unclaimed?: boolean;
  /** This file gives a one-command dev environment (compose with services, devcontainer). */
  providesDevEnvironment?: boolean;
  /** Other files this one pulls in (compose `include`, override files, CI `docker compose -f`)
   *  and the environment they take on (a compose file CI starts is also a CI definition). */
  references?: { path: string; environment: Environment; line: number }[];
  /** Content-based classification of the whole file, when content says more than the path. */
  environment?: Environment;
  /** Why the file got `environment` (or why its path placement holds), shown by `--explain`. */
  reason?: string;
  /** The file runs the application itself (builds its source or runs its own published image),
   *  not only backing services or another product's stack (formats/shared/own-image.ts). */
  runsApp?: boolean;
  problems: Problem[];
}

export interface Format {
  /** Kebab-case id, equal to the folder name. */
  id: string;
  title: string;
  /** Globs (picomatch, `dot: true`) of paths this format reads. */
  patterns: readonly string[];
  /** Extra globs of files `extract` may read through `ctx.readFile` (e.g. a sibling `.env`). */
  reads?: readonly string[];
  extract(file: FormatFile, ctx: ExtractContext): ExtractResult;
}

/* ------------------------------------------------------------------------------------------
 * Inventory: the uses of every file, placed in environments.
 * ---------------------------------------------------------------------------------------- */

export interface ServiceUse {
  environment: Environment;
  kind: ServiceKind;
  engine: string;
  version: string | null;
  pinned: boolean | null;
  file: string;
  line: number;
  raw: string;
  via: FactVia;
  format: string;
  name?: string;
  emulator?: string;
}

export interface ClassifiedFile {
  path: string;
  format: string;
  environments: Environment[];
  /** Why the file is in those environments (`prod: runs the published image ... with no build`). */
  reason?: string;
  /** The file runs the application itself, not only services beside it (ExtractResult.runsApp). */
  runsApp?: boolean;
}

export interface Inventory {
  uses: ServiceUse[];
  files: ClassifiedFile[];
  envKeys: (EnvKeyUse & { file: string; environment: Environment })[];
  literals: (LiteralSetting & { file: string; environment: Environment })[];
  deployJobs: DeployJob[];
  /** Absent when built by hand (tests): checks then fall back to the uses alone. */
  ciJobs?: CiJob[];
  /** Test doubles wired into test code, with their file. */
  testDoubles?: (TestDouble & { file: string })[];
  /** Images definitions run as written, placed in environments (absent when built by hand). */
  images?: (DeployedImage & { file: string; format: string; environment: Environment })[];
  /** Image names build tools build and retag at deploy (ExtractResult.builtImages). */
  builtImages?: string[];
  devEnvironmentFiles: string[];
  problems: (Problem & { file: string })[];
  paths: readonly string[];
}

/* ------------------------------------------------------------------------------------------
 * Repository config (.parity.yml)
 * ---------------------------------------------------------------------------------------- */

export interface Suppression {
  check: string;
  service?: string;
  environment?: Environment;
  fingerprint?: string;
  reason: string;
}

export interface ParityConfig {
  environments: Partial<Record<Environment | "ignore", string[]>>;
  /** Deployment environment names that count as production. */
  production: string[];
  suppress: Suppression[];
  comment: "always" | "changes" | "never";
}

/* ------------------------------------------------------------------------------------------
 * Checks, findings, report
 * ---------------------------------------------------------------------------------------- */

export interface Evidence {
  environment: Environment | null;
  file: string;
  line: number;
  /** Redacted value shown beside the location (`postgres 16`, `sqlite3`). */
  value: string;
}

export interface Finding {
  /** Stable across commits while the problem is the same (check + kind + service + envs). */
  fingerprint: string;
  check: string;
  gap: Gap;
  severity: Severity;
  title: string;
  /** One sentence specific to this repository: `SQLite in dev, PostgreSQL 16 in prod`. */
  message: string;
  evidence: Evidence[];
  suppressed: boolean;
  suppressionReason?: string;
  /** Service this finding is about (`database:postgres`), used by fingerprints and suppressions. */
  service?: string;
  /** Environments involved (sorted), as the check reported them; suppressions match on them. */
  environments?: Environment[];
}

export type CheckStatus = "pass" | "fail" | "unknown" | "not-applicable";

export interface CheckResult {
  id: string;
  gap: Gap;
  severity: Severity;
  status: CheckStatus;
  /** 0-10, null when unknown or not applicable. */
  score: number | null;
  /** Short human summary (`median 2.3 days`, `2 of 3 services differ`). */
  summary: string;
}

export interface Report {
  schemaVersion: 1;
  engineVersion: string;
  repository: string;
  commit: string | null;
  /** ISO 8601, the `now` the audit ran with. */
  auditedAt: string;
  scores: { overall: number | null; tools: number | null; time: number | null; personnel: number | null };
  level: Level | null;
  nextLevel: { level: Level; needs: string[] } | null;
  checks: CheckResult[];
  findings: Finding[];
  inventory: ServiceUse[];
  files: ClassifiedFile[];
  metrics: Record<string, number | string | null>;
}

export interface CheckInput {
  inventory: Inventory;
  config: ParityConfig;
  /** Null when the source has no history: time and personnel checks answer `unknown`. */
  history: History | null;
  now: Date;
}

/** What a check reports; the engine adds fingerprints, gap, title and suppression. */
export interface FindingDraft {
  message: string;
  evidence: Evidence[];
  /** `kind:engine` or `kind` the finding is about; part of the fingerprint. */
  service?: string;
  /** Environments involved; part of the fingerprint (sorted by the engine). */
  environments: Environment[];
  /** Overrides the check's default severity (e.g. version distance). */
  severity?: Severity;
}

export interface CheckOutcome {
  status: CheckStatus;
  /** 0-10; null when unknown or not applicable. */
  score: number | null;
  summary: string;
  findings: FindingDraft[];
  /** Numbers the UI shows beside the check (lead time hours, deploy-days/week...). */
  metrics?: Record<string, number | string | null>;
}

export interface Check {
  id: string;
  gap: Gap;
  severity: Severity;
  /** The level that requires this check to pass (see docs/scoring.md), null if none. */
  level: Level | null;
  title: string;
  /** Why the difference bites, in concrete behaviour. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  run(input: CheckInput): CheckOutcome;
}
