import { WandSparkles } from "lucide-react";
import type { FixScores, OfferedFix, OfferedFixes } from "@/lib/parity/fixes/index";
import { FixChangeToggle } from "./fix-change-toggle";
import { OpenFixPullRequest } from "./open-fix-pull-request";

/**
 * The change Parity proved for one finding (docs/fix.md): what it does, what it moves the scores
 * to, the diff, and "Open pull request" where a GitHub writer is available. Without one the diff
 * still shows, with `parity fix` as the way to apply it.
 */

function scoreChange(before: FixScores, after: FixScores): string {
  const part = (name: string, from: number | null, to: number | null) =>
    from === null || to === null || Math.round(from) === Math.round(to)
      ? null
      : `${name} ${Math.round(from)} → ${Math.round(to)}`;
  return (
    [part("tools", before.tools, after.tools), part("overall", before.overall, after.overall)]
      .filter(Boolean)
      .join(", ") || "scores unchanged"
  );
}

export interface FixOfferTarget {
  owner: string;
  name: string;
  /** A GitHub writer exists for this viewer: the App, their own token, or the server's. */
  writable: boolean;
}

export function FixOffer({ fix, before, target }: { fix: OfferedFix; before: FixScores; target: FixOfferTarget }) {
  return (
    <section
      aria-label="Proven fix"
      className="max-w-3xl space-y-2 rounded-md border border-emerald-300 p-3 dark:border-emerald-800"
    >
      <p className="flex flex-wrap items-center gap-x-2">
        <WandSparkles className="size-4 text-emerald-700 dark:text-emerald-400" aria-hidden />
        <span className="font-medium">Proven fix:</span> {fix.summary}
        <span className="text-xs text-neutral-600 dark:text-neutral-400">({scoreChange(before, fix.after)})</span>
      </p>
      <FixChangeToggle diff={fix.diff} label={`The change for ${fix.summary}`} />
      {target.writable ? (
        <OpenFixPullRequest
          owner={target.owner}
          name={target.name}
          target={{ fingerprint: fix.fingerprint }}
          label="Open pull request"
        />
      ) : (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          To open it as a pull request from here, set GITHUB_TOKEN or install the Parity GitHub App; or run{" "}
          <code className="font-mono">parity fix --finding {fix.fingerprint}</code> in a checkout.
        </p>
      )}
    </section>
  );
}

/** Above the findings: every proven fix in one pull request, with the scores the bundle reaches. */
export function FixAllOffer({
  offered,
  before,
  target,
}: {
  offered: OfferedFixes;
  before: FixScores;
  target: FixOfferTarget;
}) {
  if (offered.bundle.length < 2 || !offered.bundleAfter) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-neutral-100 px-4 py-3 text-sm dark:border-neutral-900">
      <p>
        <WandSparkles className="mr-1 inline size-4 text-emerald-700 dark:text-emerald-400" aria-hidden />
        {offered.bundle.length} findings have a proven fix ({scoreChange(before, offered.bundleAfter)} with all of
        them).
      </p>
      {target.writable ? (
        <OpenFixPullRequest
          owner={target.owner}
          name={target.name}
          target={{ all: true }}
          label={`Open one pull request with all ${offered.bundle.length}`}
        />
      ) : null}
    </div>
  );
}
