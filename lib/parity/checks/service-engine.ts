import type { Check, CheckInput, CheckOutcome, Environment, FindingDraft, ServiceKind } from "../types";
import { compareEngines } from "./compare-engines";
import { NON_PROD, outcome } from "./shared";

/** Mail is compared too, but a local mail catcher is an expected substitution: info only. */
const KINDS: readonly ServiceKind[] = ["cache", "broker", "storage", "search", "mail"];

/**
 * The test environment's in-memory cache, null store, test queue adapter or in-process broker is
 * standard practice (tests assert on enqueued jobs, start clean), not a mismatch: caches and
 * brokers are compared in dev, CI and staging only. Storage and search are compared in test too.
 */
function environmentsFor(kind: ServiceKind): readonly Environment[] {
  return kind === "cache" || kind === "broker" ? NON_PROD.filter((environment) => environment !== "test") : NON_PROD;
}

function run({ inventory }: CheckInput): CheckOutcome {
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  let compared = 0;
  for (const kind of KINDS) {
    const environments = environmentsFor(kind);
    const result = compareEngines(inventory, kind, environments, {
      whenProdSilent: environments,
      imagesAgainstImages: kind === "cache" || kind === "broker",
    });
    findings.push(...result.findings);
    unknown.push(...result.unknown);
    compared += result.compared;
  }
  return outcome({
    findings,
    defaultSeverity: "high",
    compared,
    unknown,
    passSummary: "caches, brokers, storage and search run the production engines (or their emulators)",
    notApplicableSummary: "no production cache, broker, storage or search service found to compare with",
  });
}

export const serviceEngine = {
  id: "service-engine",
  gap: "tools",
  severity: "high",
  level: "silver",
  title: "Same cache, broker, storage and search engines in every environment",
  rationale:
    "The stand-in is always simpler and more forgiving than the real service. An in-memory cache has no " +
    "serialization step, so objects that Redis cannot serialize work locally and fail in production; it " +
    "never evicts, so a cache that always hits locally loses keys under memory pressure in production. " +
    "Local disk paths are case-insensitive on macOS while S3 keys are case-sensitive (Avatar.png and " +
    "avatar.png are two objects), and local file operations are synchronous and instant where S3 calls " +
    "go over the network and fail, time out or slow down under load. Eager or in-process jobs run inline: " +
    "no serialization of arguments, no retries, no concurrency, no lost or duplicated messages, so a " +
    "broker's behaviour is never exercised. A different search engine (OpenSearch for Elasticsearch) " +
    "analyses and ranks queries differently.",
  remediation:
    "Run the production engine locally and in CI with the compose file (redis, rabbitmq, elasticsearch), " +
    "or an emulator that speaks its protocol (MinIO or LocalStack for S3, ElasticMQ for SQS, Azurite, " +
    "fake-gcs-server); configure the framework to use it instead of its in-memory or eager default.",
  run,
} satisfies Check;
