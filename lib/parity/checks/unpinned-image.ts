import { engineGranularity } from "../catalog";
import type { Check, CheckInput, CheckOutcome, FindingDraft, ServiceKind, ServiceUse } from "../types";
import { floatingDeployedImages } from "./deployed-images";
import { BACKING_KINDS, describeUses, engineName, evidenceList, joinWords, NON_PROD, outcome, usesOf } from "./shared";

const ORDER = [...NON_PROD, "prod"] as const;
const DATA_KINDS: ReadonlySet<string> = new Set(["database", "storage"]);

/** Uses that fix a version: a pinned image, or a prod service whose version is declared (RDS 16). */
function anchors(uses: readonly ServiceUse[]): ServiceUse[] {
  return uses.filter((use) => use.pinned === true || (use.environment === "prod" && use.version !== null));
}

/** The image a Dockerfile FROM line names (`FROM build -> node:lts AS builder` gives `node:lts`). */
function fromImage(raw: string): string | null {
  const tail = raw.split("->").pop() ?? "";
  const words = tail
    .trim()
    .split(/\s+/)
    .filter((word) => word.toUpperCase() !== "FROM");
  if (words.length >= 3 && words[words.length - 2]?.toUpperCase() === "AS") words.splice(-2);
  return words.pop() ?? null;
}

/**
 * A tag that names no version at all: none, `latest`, or a bare variant or alias (`slim`,
 * `alpine3.20`, `trixie`, `lts`). A tag starting with a number (`1`, `3.12-slim`) carries a version
 * the format already judged; a digest pins the image.
 */
function versionless(image: string): boolean {
  if (image.includes("@")) return false;
  const name = image.slice(image.lastIndexOf("/") + 1);
  const colon = name.indexOf(":");
  if (colon < 0) return !image.includes("$");
  const tag = name.slice(colon + 1);
  return tag === "latest" || /^[a-z]/i.test(tag);
}

/**
 * The image prod ships built on a runtime base whose tag names no version (`FROM python:slim`,
 * `FROM golang:alpine`, build stages too): each build takes whatever was published last, so two
 * builds of one commit can run different versions. One low finding per runtime, naming the prod
 * images that pin it where another Dockerfile does. A major-only tag (`bun:1`) is left alone, and
 * so is a runtime CI too sets up with no version (the project follows the newest on purpose).
 */
function floatingBases(inventory: CheckInput["inventory"]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const bases = inventory.uses.filter(
    (use) => use.kind === "runtime" && use.environment === "prod" && use.format === "dockerfile" && use.via === "image",
  );
  const engines = [...new Set(bases.map((use) => use.engine))].sort();
  for (const engine of engines) {
    const same = bases.filter((use) => use.engine === engine);
    const floating = same.filter((use) => {
      const image = use.pinned === false ? fromImage(use.raw) : null;
      return image !== null && versionless(image);
    });
    if (floating.length === 0) continue;
    // CI sets the runtime up with no version either (`go-version: stable`): the project tracks the
    // newest release on purpose, and CI tests what the build takes.
    const ci = inventory.uses.filter(
      (use) => use.kind === "runtime" && use.engine === engine && use.environment === "ci",
    );
    if (ci.length > 0 && ci.every((use) => use.version === null && use.pinned !== true)) continue;
    const pinning = same.filter((use) => use.pinned === true);
    const label = engineName("runtime", engine);
    const images = [...new Set(floating.map((use) => fromImage(use.raw)))].join(", ");
    findings.push({
      message:
        `${label} base image floats in prod (${images}): each build takes whatever was published last` +
        (pinning.length > 0 ? `; another prod Dockerfile pins ${describeUses(pinning)}` : ""),
      evidence: evidenceList([...floating, ...pinning]),
      service: `runtime:${engine}`,
      environments: ["prod"],
      severity: "low",
    });
  }
  return findings;
}

/**
 * An image tagged with a major only (`rabbitmq:3-management`, `mysql:8`) of an engine whose
 * behaviour changes at the minor (RabbitMQ, MySQL: catalog granularity) pulls the newest minor
 * of that major: it floats within it. Reported where another environment pins a minor of the same
 * major (prod's Amazon MQ 3.13): the two drift apart with each release of the image. Another major
 * there is a version difference, service-version's; nothing pinned there, nothing to drift from.
 */
function floatingWithinMajor(uses: readonly ServiceUse[], kind: ServiceKind, engine: string): FindingDraft | null {
  if (engineGranularity(engine) !== "minor") return null;
  const majorOnly = uses.filter(
    (use) => use.via === "image" && use.pinned === true && use.version !== null && !use.version.includes("."),
  );
  if (majorOnly.length === 0) return null;
  const majors = new Set(majorOnly.map((use) => use.version));
  const minors = uses.filter(
    (use) =>
      use.version?.includes(".") === true &&
      majors.has(use.version.split(".")[0] ?? "") &&
      use.emulator === undefined &&
      !majorOnly.some((other) => other.environment === use.environment),
  );
  if (minors.length === 0) return null;
  const floating = majorOnly.filter((use) => minors.some((minor) => minor.version?.startsWith(`${use.version}.`)));
  const label = engineName(kind, engine);
  const floatsIn = ORDER.filter((env) => floating.some((use) => use.environment === env));
  const pinsIn = ORDER.filter((env) => minors.some((use) => use.environment === env));
  const majorsText = joinWords([...new Set(floating.map((use) => `${use.version}.x`))]);
  return {
    message:
      `${label} image floats within ${majorsText} in ${joinWords(floatsIn)} (a major-only tag pulls its newest minor); ` +
      `${joinWords(pinsIn)} ${pinsIn.length === 1 ? "pins" : "pin"} ${describeUses(minors)}`,
    evidence: evidenceList([...floating, ...minors]),
    service: `${kind}:${engine}`,
    environments: [...new Set([...floatsIn, ...pinsIn])],
    severity: "low",
  };
}

/**
 * One finding per engine whose image floats somewhere (`latest`, no tag, a bare variant): the
 * environments where it floats are one problem with one fix. Medium when prod itself floats (a
 * restart can pull a new version), else low: where another environment pins the engine the
 * message names it, and where nothing pins it the drift is still real (issue 12 item 4).
 */
function run({ inventory }: CheckInput): CheckOutcome {
  const findings: FindingDraft[] = [];
  let compared = 0;
  // Whether prod is described at all: then a kind it does not run is a dev or CI tool.
  const prodDescribed = inventory.uses.some((use) => use.environment === "prod");
  for (const kind of BACKING_KINDS) {
    const uses = usesOf(inventory, kind);
    const prodRunsKind = uses.some((use) => use.environment === "prod");
    for (const engine of [...new Set(uses.map((use) => use.engine))].sort()) {
      const same = uses.filter((use) => use.engine === engine);
      const images = same.filter((use) => use.pinned !== null);
      if (images.length === 0) continue;
      compared += 1;
      const floating = images.filter((use) => use.pinned === false);
      if (floating.length === 0) {
        const withinMajor = floatingWithinMajor(same, kind, engine);
        if (withinMajor) findings.push(withinMajor);
        continue;
      }
      const floatingEnvironments = ORDER.filter((env) => floating.some((use) => use.environment === env));
      const label = engineName(kind, engine);
      const where = `${label} image floats in ${joinWords(floatingEnvironments)}`;
      const service = `${kind}:${engine}`;
      if (floatingEnvironments.includes("prod")) {
        findings.push({
          message: `${where}: a restart can pull a new version`,
          evidence: evidenceList(floating),
          service,
          environments: floatingEnvironments,
          severity: "medium",
        });
        continue;
      }
      // What pins the engine, in any environment (another file of a floating one too).
      const elsewhere = anchors(same.filter((use) => !floating.includes(use)));
      const pinning = ORDER.filter((env) => elsewhere.some((use) => use.environment === env));
      // A dev-only tool (Sail's Meilisearch where prod runs no search at all) has no version to
      // drift from: nothing pins it and the prod described runs nothing of its kind. Not for the
      // data stores (database, storage): prod has one even when its files do not say which.
      if (pinning.length === 0 && prodDescribed && !prodRunsKind && !DATA_KINDS.has(kind)) continue;
      findings.push({
        message:
          pinning.length > 0
            ? `${where}; ${joinWords(pinning)} ${pinning.length === 1 ? "pins" : "pin"} ${describeUses(elsewhere)}`
            : `${where}; no file read pins a version`,
        evidence: evidenceList([...floating, ...elsewhere]),
        service,
        environments: [...new Set([...floatingEnvironments, ...pinning])],
        severity: "low",
      });
    }
  }
  // Pinned runtime bases do not make the check pass: its pass says backing services are pinned.
  findings.push(...floatingBases(inventory));
  // Images outside the catalog (the app's own, other products', tools) float too.
  findings.push(...floatingDeployedImages(inventory));
  return outcome({
    findings,
    defaultSeverity: "medium",
    compared,
    passSummary: "backing-service images are pinned to a version",
    notApplicableSummary: "no backing-service images found",
  });
}

export const unpinnedImage = {
  id: "unpinned-image",
  gap: "tools",
  severity: "medium",
  level: "gold",
  title: "Backing-service images pinned to a version",
  rationale:
    "`latest`, a missing tag or a bare variant (`alpine`) means whatever version was newest when the " +
    "image was last pulled: two developers run different majors without knowing it, and a fresh CI " +
    "runner or laptop silently upgrades PostgreSQL or Redis while production stays put. In production a " +
    "floating tag upgrades the service on the next restart or reschedule, without review. A bug that " +
    "only one version shows cannot be reproduced on demand.",
  remediation:
    "Tag backing-service images with the production version (`postgres:16-alpine`, `redis:7.2`) in " +
    "every compose file, CI service and manifest; let Renovate or Dependabot propose upgrades so all " +
    "environments move together.",
  run,
} satisfies Check;
