import type { CheckResult, Gap } from "@/lib/parity/types";
import { SCORING_DOC } from "../score-explained";
import { CHECK_WINDOW } from "./time-window";

/** The window a gap's checks read: history gaps the last 90 days; tools the files at the commit. */
export function gapWindow(gap: Gap): string {
  return gap === "tools" ? "files at the audited commit" : CHECK_WINDOW;
}

/** The words the engine appends to a summary whose history was read in part (lib/parity/checks/history/shared.ts). */
const PARTIAL = "partial history";

/**
 * Under a gap card whose checks say "(partial history)": what that means, in place. The engine
 * says it when the source could not read the whole window (GitHub's lists were cut, or a shallow
 * clone); the numbers then cover only what was read.
 */
export function PartialHistoryNote({ checks }: { checks: readonly Pick<CheckResult, "summary">[] }) {
  if (!checks.some((check) => check.summary.includes(PARTIAL))) return null;
  return (
    <p
      className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600 dark:border-neutral-900 dark:text-neutral-400"
      data-note="partial-history"
    >
      <span>
        <strong className="font-semibold">Partial history</strong>: the audit could not read the whole {CHECK_WINDOW}{" "}
        (it reads up to 1,000 commits and the latest 100 deployments from GitHub; a shallow clone stops at its depth),
        so these numbers cover what was read (
        <a href={`${SCORING_DOC}#time-and-personnel`} className="underline underline-offset-2">
          scoring
        </a>
        ).
      </span>
    </p>
  );
}
