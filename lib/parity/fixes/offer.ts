/**
 * What an audit offers the dashboard (issue 17 item 4): every verified plan with its diff and the
 * scores after it, and the scores after all of them together. The audit service stores this
 * beside the report, so the scorecard shows a diff and "Open pull request" opens one without
 * fetching the repository again.
 *
 * Stored and shown, so nothing a repository holds as a secret may pass: every diff line goes
 * through `scrub` (a context line with a password reads `[redacted]`), and a plan whose own edits
 * would carry a credential is not offered at all.
 */
import { audit } from "../audit/index";
import { scrub } from "../scrub";
import type { ParityConfig, Report, RepoSnapshot } from "../types";
import { unifiedDiff } from "./diff";
import { applyEdits } from "./edits";
import type { NoPlan, TextEdit } from "./types";
import { applyToSnapshot, combinePlans, fixFindings } from "./verify";

/** The two scores a fix moves (tools findings only); null where the report has none. */
export interface FixScores {
  overall: number | null;
  tools: number | null;
}

export interface OfferedFix {
  fingerprint: string;
  check: string;
  summary: string;
  /** Minimal edits against the audited commit: what a pull request writes, after checking `before`. */
  edits: TextEdit[];
  /** `diff -u` of every file the edits touch, each line scrubbed. */
  diff: string;
  /** The audit's scores with this fix alone. */
  after: FixScores;
}

export interface OfferedFixes {
  /** The audit the plans were made from (its commit), so a later reader knows what they apply to. */
  commit: string | null;
  fixes: OfferedFix[];
  /** The fingerprints the bundle ("all fixes") holds: plans whose edits clash are left out of it. */
  bundle: string[];
  /** Scores with the whole bundle applied; null when nothing is offered. */
  bundleAfter: FixScores | null;
  /** Open findings left as they are, with the reason (their prose remediation still holds). */
  unfixed: NoPlan[];
}

function scoresOf(report: Report): FixScores {
  return { overall: report.scores.overall, tools: report.scores.tools };
}

/** The diff of `edits` over the files they touch, every line scrubbed. */
export function scrubbedDiff(files: ReadonlyMap<string, string>, edits: readonly TextEdit[]): string {
  const after = applyEdits(files, edits);
  const touched = [...new Set(edits.map((edit) => edit.file))].sort();
  return touched
    .map((file) => unifiedDiff(file, files.get(file) ?? null, after.get(file) ?? ""))
    .join("")
    .split("\n")
    .map((line) => (line === "" ? line : scrub(line)))
    .join("\n");
}

/** An edit whose own text a scrub would change carries a credential: never store it. */
function carriesSecret(edits: readonly TextEdit[]): boolean {
  return edits.some((edit) => scrub(edit.before) !== edit.before);
}

/** Plans and proves every open finding of `report` (the audit of `snapshot` with `config` at `now`). */
export function offerFixes(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  report: Report,
): OfferedFixes {
  const outcome = fixFindings(snapshot, config, now, { report });
  const unfixed = [...outcome.unfixed];
  const fixes: OfferedFix[] = [];
  for (const plan of outcome.fixes) {
    if (carriesSecret(plan.edits)) {
      unfixed.push({
        fingerprint: plan.fingerprint,
        check: plan.check,
        reason: "not offered: the text it replaces holds a credential, which Parity does not store",
      });
      continue;
    }
    const after = outcome.scoresAfter.get(plan.fingerprint);
    fixes.push({
      fingerprint: plan.fingerprint,
      check: plan.check,
      summary: scrub(plan.summary),
      edits: plan.edits,
      diff: scrubbedDiff(snapshot.files, plan.edits),
      after: after ? { overall: after.overall, tools: after.tools } : scoresOf(report),
    });
  }
  if (fixes.length === 0) return { commit: report.commit, fixes, bundle: [], bundleAfter: null, unfixed };
  const { edits, skipped } = combinePlans(fixes);
  const left = new Set(skipped.map((plan) => plan.fingerprint));
  const bundle = fixes.filter((fix) => !left.has(fix.fingerprint)).map((fix) => fix.fingerprint);
  const bundleAfter =
    bundle.length === 1
      ? (fixes.find((fix) => fix.fingerprint === bundle[0])?.after ?? null)
      : scoresOf(audit(applyToSnapshot(snapshot, edits), config, now));
  return { commit: report.commit, fixes, bundle, bundleAfter, unfixed };
}
