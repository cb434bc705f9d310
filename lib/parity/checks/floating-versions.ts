import { parseImageRef } from "../catalog";
import type { FindingDraft, ServiceKind, ServiceUse } from "../types";
import {
  describeUses,
  engineName,
  environmentList,
  evidenceList,
  joinWords,
  knownVersions,
  oneStepLower,
  severityByDistance,
  sortedEnvironments,
} from "./shared";

/**
 * What the engine knows of an engine's release cycle: its official image (whose `latest` tag is
 * the newest stable major, and never moves back), the newest major at the time this table was
 * written, and when each major stops getting fixes. PostgreSQL supports a major for five years
 * and ships its last minor in November (https://www.postgresql.org/support/versioning/).
 */
interface Lifecycle {
  image: string;
  /** The newest major known here: `latest` pulls it or a newer one. */
  newest: string;
  /** Major -> the date (UTC) of its final release. Majors older than every key ended earlier. */
  endOfLife: Record<string, string>;
}

const LIFECYCLES: Record<string, Lifecycle> = {
  postgres: {
    image: "postgres",
    newest: "18",
    endOfLife: {
      "9.6": "2021-11-11",
      "10": "2022-11-10",
      "11": "2023-11-09",
      "12": "2024-11-21",
      "13": "2025-11-13",
      "14": "2026-11-12",
      "15": "2027-11-11",
      "16": "2028-11-09",
      "17": "2029-11-08",
      "18": "2030-11-14",
    },
  },
};

/** Tags of the official image that follow the newest major (`postgres`, `postgres:latest`, `postgres:alpine`). */
const NEWEST_TAGS = new Set([null, "latest", "alpine"]);

const MONTHS = "January February March April May June July August September October November December".split(" ");

function major(version: string): number {
  return Number(version.split(".")[0]);
}

/** When `version` stopped getting fixes (`November 2023`, `before November 2021`), or null while it still gets them at `now` (or is unknown). */
function endedAt(lifecycle: Lifecycle, version: string, now: Date): string | null {
  const month = (date: Date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const listed = lifecycle.endOfLife[version];
  if (listed) {
    const date = new Date(`${listed}T00:00:00Z`);
    return date.getTime() <= now.getTime() ? month(date) : null;
  }
  const oldest = Object.keys(lifecycle.endOfLife).sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))[0];
  if (oldest === undefined || !(Number.parseFloat(version) < Number.parseFloat(oldest))) return null;
  // Older than every listed major: it ended before the oldest one did.
  return `before ${month(new Date(`${lifecycle.endOfLife[oldest]}T00:00:00Z`))}`;
}

/** The image reference a use's `raw` names (`image: postgres:latest`, `FROM postgres`, `a -> b`). */
function imageOf(raw: string): string | null {
  const arrow = raw.lastIndexOf(" -> ");
  const text = arrow >= 0 ? raw.slice(arrow + 4) : raw.replace(/^\s*(?:[\w.[\]-]*image:|FROM)\s*/i, "");
  return text.trim().split(/\s+/)[0] || null;
}

/** A use of the official image on a tag that follows the newest major. */
function followsNewest(use: ServiceUse, lifecycle: Lifecycle): boolean {
  if (use.version !== null || use.pinned !== false || use.via !== "image" || use.emulator !== undefined) return false;
  const ref = imageOf(use.raw);
  if (ref === null) return false;
  const image = parseImageRef(ref);
  const official = image.registry === null || image.registry === "docker.io";
  return official && image.name === lifecycle.image && image.digest === null && NEWEST_TAGS.has(image.tag);
}

/**
 * A floating official image against a major past its end of life elsewhere (CI pins PostgreSQL
 * 11 while the devcontainer runs `postgres:latest`): the two environments run different majors,
 * at least as far apart as the end-of-life major is from the newest major known here, since
 * `latest` never moves back. This is a difference of its own beside unpinned-image's "the image
 * floats": pinning the floating image to the other environment's major, unpinned-image's fix,
 * would pin it to an unsupported one. Against a supported pin the distance cannot be known
 * offline (the pin may be the newest major): that is unpinned-image's finding alone. Runtimes
 * have no table here. When prod is silent about the engine's version, the non-prod environments
 * are compared with each other and the severity is one step lower, as for drift between them;
 * when prod declares one, only prod's end-of-life pin against a floating non-prod image is this
 * finding (other environments' pins are compared with prod's version instead).
 */
export function floatingAgainstEndOfLife(
  kind: ServiceKind,
  engine: string,
  uses: readonly ServiceUse[],
  now: Date | undefined,
  prodSilent: boolean,
): FindingDraft | null {
  const lifecycle = LIFECYCLES[engine];
  if (!lifecycle || now === undefined || kind === "runtime") return null;
  const floating = uses.filter((use) => followsNewest(use, lifecycle) && (prodSilent || use.environment !== "prod"));
  if (floating.length === 0) return null;
  const pins = uses.filter(
    (use) => use.version !== null && use.emulator === undefined && (prodSilent || use.environment === "prod"),
  );
  const hasEnded = (use: ServiceUse) => endedAt(lifecycle, use.version ?? "", now) !== null;
  // An environment that also pins a supported major (a CI matrix from the oldest major up) tests
  // the old one on purpose: whether it covers the float's major is unpinned-image's question.
  const ended = pins.filter(
    (use) => hasEnded(use) && pins.every((other) => other.environment !== use.environment || hasEnded(other)),
  );
  if (ended.length === 0) return null;
  const versions = knownVersions(ended).sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  const oldest = versions[0] ?? lifecycle.newest;
  const distance = Math.max(0, major(lifecycle.newest) - major(oldest));
  const bySeverity = severityByDistance(distance);
  if (bySeverity === null) return null;
  const severity = prodSilent ? oneStepLower(bySeverity) : bySeverity;
  if (severity === "info") return null;
  const name = engineName(kind, engine);
  const parts = versions.map((version) => {
    const at = ended.filter((use) => use.version === version);
    const since = endedAt(lifecycle, version, now) ?? "";
    return `${describeUses(at)} in ${environmentList(at.map((use) => use.environment))}, past its end of life (${since})`;
  });
  const images = [
    ...new Set(
      floating.map((use) => {
        const ref = imageOf(use.raw) ?? lifecycle.image;
        return parseImageRef(ref).tag === null ? `${ref} (no tag)` : ref;
      }),
    ),
  ];
  const floats =
    `${environmentList(floating.map((use) => use.environment))} floats on ${joinWords(images)}, ` +
    `the newest major when pulled (${name} ${lifecycle.newest} or later)`;
  const tail = prodSilent ? `; prod does not say which ${name} version it runs` : "";
  return {
    message: `${joinWords(parts)}; ${floats}${tail}`,
    evidence: evidenceList([...ended, ...floating]),
    service: `${kind}:${engine}`,
    environments: sortedEnvironments([...ended, ...floating].map((use) => use.environment)),
    severity,
  };
}
