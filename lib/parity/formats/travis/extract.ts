import type { Node } from "yaml";
import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { CiJob, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import type { Scope } from "../github-actions/expressions";
import { readCommands, type StepFacts } from "../github-actions/run-steps";
import { serviceStart } from "../github-actions/services";
import { type ShellCommand, scriptCommands } from "../github-actions/shell";
import { getNode, isMap, isSeq, mapEntries, scalarText, seqItems } from "../shared/yaml-nodes";
import { addJobFacts, noCiFacts, openCiFile } from "./root";

/**
 * A `.travis.yml` (https://docs.travis-ci.com/user/job-lifecycle/): the root keys are the default
 * job; `jobs.include` (or the older `matrix.include`) lists jobs that inherit them and override
 * what they set. Each job's `before_install`, `install`, `before_script` and `script` commands are
 * read like a GitHub Actions `run:` step (tests, compose files, `docker run`, services started).
 * `services:` starts the image's own packages: their version is whatever the build image ships
 * (`addons.postgresql` pins PostgreSQL's), so it is unknown here and said so, except PostgreSQL
 * on an explicit `dist:`, which Travis starts at that distribution's default version.
 */

const PHASES = ["before_install", "install", "before_script", "script"] as const;

/** Language keys and the image the catalog knows their runtime by. */
const LANGUAGES: Record<string, string> = {
  python: "python",
  node_js: "node",
  ruby: "ruby",
  go: "golang",
  php: "php",
  jdk: "eclipse-temurin",
  elixir: "elixir",
  rust: "rust",
};

/** Services Travis starts by name, as the names `serviceStart` knows. */
const SERVICE_NAMES: Record<string, string> = {
  postgresql: "postgresql",
  mysql: "mysql",
  mariadb: "mariadb",
  redis: "redis-server",
  "redis-server": "redis-server",
  mongodb: "mongodb",
  memcached: "memcached",
  rabbitmq: "rabbitmq-server",
  elasticsearch: "elasticsearch",
};

/**
 * The PostgreSQL `services: postgresql` starts without `addons.postgresql`, by `dist:`
 * (travis-ci/travis-build, `travis_setup_postgresql.bash`).
 */
const POSTGRES_BY_DIST: Record<string, string> = {
  precise: "9.1",
  trusty: "9.2",
  xenial: "9.6",
  bionic: "10",
  focal: "13",
  jammy: "14",
};

/** `addons:` that install a database at a version. */
const VERSION_ADDONS: Record<string, string> = { postgresql: "postgres", mariadb: "mariadb" };

interface Job {
  name: string;
  line: number;
  /** The job's own keys, then the root's (what it inherits). */
  layers: Node[];
}

export function extractTravis(file: FormatFile, ctx: ExtractContext): ExtractResult {
  const opened = openCiFile(file);
  if ("early" in opened) return opened.early;
  const { root, parsed } = opened;
  const top = parsed.roots[0];
  if (!isMap(top)) return { uses: [], problems: [] };
  const lineOf = parsed.lineOf;
  const include = seqItems(getNode(getNode(top, "jobs") ?? getNode(top, "matrix"), "include")).filter(isMap);
  const jobs: Job[] =
    include.length > 0
      ? include.map((entry, index) => ({
          name: scalarText(getNode(entry, "name")) ?? scalarText(getNode(entry, "stage")) ?? `job ${index + 1}`,
          line: lineOf(entry),
          layers: [entry, top],
        }))
      : [{ name: "default", line: lineOf(getNode(top, "script") ?? getNode(top, "language")) || 1, layers: [top] }];
  const found = noCiFacts();
  const ciJobs: CiJob[] = [];
  for (const job of jobs) {
    const key = (name: string) => job.layers.map((layer) => getNode(layer, name)).find((node) => node !== undefined);
    const facts: StepFacts = { uses: [], problems: [], references: [], deploys: [], tests: [] };
    const scope: Scope = { combinations: null, env: jobEnv(key("env")), inputs: new Map(), lineOf };
    for (const phase of PHASES) {
      const commands = phaseCommands(key(phase), lineOf);
      readCommands(commands, job.name, root, scope, ctx, facts);
    }
    const language = scalarText(key("language"));
    // Without `script:`, Travis runs the language's default (`npm test`, `rake`, `go test`...).
    if (key("script") === undefined && language && facts.tests.length === 0)
      facts.tests.push(`${language} default script`);
    const dist = scalarText(getNode(top, "dist"));
    found.uses.push(...serviceUses(key("services"), key("addons"), job.name, dist, lineOf));
    found.uses.push(...runtimeUses(key, job.name, lineOf));
    addJobFacts(facts, found);
    ciJobs.push({
      workflow: file.path,
      job: job.name,
      line: job.line,
      tests: facts.tests[0] ?? null,
      starts: facts.references.map((reference) => reference.path),
    });
  }
  return { ...found, uses: dedupe(found.uses), ciJobs, environment: "ci", reason: "a Travis CI definition" };
}

/** `env:` as a list of `A=1 B=2` strings, a map, or `{ global: [...] }`: the literal values. */
function jobEnv(node: Node | undefined): Map<string, string> {
  const env = new Map<string, string>();
  const read = (n: Node | undefined) => {
    if (isMap(n)) {
      for (const { key, value } of mapEntries(n)) {
        if (key === "global" || key === "jobs" || key === "matrix") read(value);
        else {
          const text = scalarText(value);
          if (text !== undefined) env.set(key, text);
        }
      }
      return;
    }
    for (const item of isSeq(n) ? seqItems(n) : n ? [n] : []) {
      if (isMap(item)) {
        read(item);
        continue;
      }
      for (const pair of (scalarText(item) ?? "").matchAll(/([A-Za-z_]\w*)=("[^"]*"|'[^']*'|\S*)/g)) {
        env.set(pair[1] as string, (pair[2] as string).replace(/^["']|["']$/g, ""));
      }
    }
  };
  read(node);
  return env;
}

/** A phase is one command or a list of them; each item is a shell line at its own line. */
function phaseCommands(node: Node | undefined, lineOf: (n: Node | undefined) => number): ShellCommand[] {
  const items = isSeq(node) ? seqItems(node) : node ? [node] : [];
  return items.flatMap((item) => {
    const text = scalarText(item);
    if (text === undefined) return [];
    const line = lineOf(item);
    return scriptCommands(text).map((command) => ({ words: command.words, line }));
  });
}

function serviceUses(
  services: Node | undefined,
  addons: Node | undefined,
  job: string,
  dist: string | undefined,
  lineOf: (n: Node | undefined) => number,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const items = isSeq(services) ? seqItems(services) : services ? [services] : [];
  for (const item of items) {
    const name = (scalarText(item) ?? "").trim().toLowerCase();
    const unit = SERVICE_NAMES[name];
    const started = unit ? serviceStart(["systemctl", "start", unit]) : null;
    const service = started ? resolveImage(started.image) : null;
    if (!service || service.kind === "runtime") continue;
    const addon = Object.entries(VERSION_ADDONS).find(([, image]) => image === started?.image);
    const addonNode = addon ? getNode(addons, addon[0]) : undefined;
    const pinned = addonNode ? scalarText(addonNode) : undefined;
    const byDist = !pinned && started?.image === "postgres" && dist ? POSTGRES_BY_DIST[dist.trim()] : undefined;
    const versioned = pinned || byDist ? resolveImage(`${started?.image}:${pinned ?? byDist}`) : null;
    uses.push({
      kind: service.kind,
      engine: service.engine,
      version: versioned?.version ?? null,
      pinned: versioned ? versioned.pinned : false,
      line: lineOf(addonNode ?? item),
      raw: redactText(
        pinned
          ? `services: ${name}, addons.${addon?.[0]}: ${pinned}`
          : byDist
            ? `services: ${name} (PostgreSQL ${byDist}, dist ${dist}'s default)`
            : `services: ${name} (the build image's own version${dist ? `, dist ${dist}` : ""})`,
      ),
      via: "setting",
      environment: "ci",
      name: job,
    });
  }
  return uses;
}

/** `python: ["3.12"]`, `node_js: 20`, `go: 1.22.x`, `jdk: openjdk17`: the job's runtimes. */
function runtimeUses(
  key: (name: string) => Node | undefined,
  job: string,
  lineOf: (n: Node | undefined) => number,
): ExtractedUse[] {
  const uses: ExtractedUse[] = [];
  const language = scalarText(key("language"));
  for (const [name, image] of Object.entries(LANGUAGES)) {
    const node = key(name);
    if (!node) continue;
    // Version keys of other languages are ignored by Travis unless they are the job's language.
    if (language && name !== (language === "node" ? "node_js" : language) && name !== "jdk") continue;
    for (const item of isSeq(node) ? seqItems(node) : [node]) {
      const text = scalarText(item)?.trim();
      if (!text) continue;
      const version = text.replace(/^(openjdk|oraclejdk)/, "").replace(/\.x$/, "");
      const service = /^\d+(\.\d+)*$/.test(version) ? resolveImage(`${image}:${version}`) : null;
      if (service?.kind !== "runtime") continue;
      uses.push({
        kind: "runtime",
        engine: service.engine,
        version: service.version,
        pinned: service.pinned,
        line: lineOf(item),
        raw: redactText(`${name}: ${text}`),
        via: "setting",
        environment: "ci",
        name: job,
      });
    }
  }
  return uses;
}

/**
 * A root runtime inherited by every job is one fact, not one per job; services stay per job, so
 * that each job's own services are what it starts.
 */
function dedupe(uses: readonly ExtractedUse[]): ExtractedUse[] {
  const seen = new Set<string>();
  return uses.filter((use) => {
    if (use.kind !== "runtime") return true;
    const key = `${use.kind}\u0000${use.engine}\u0000${use.version}\u0000${use.line}\u0000${use.raw}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
