import { CircleHelp } from "lucide-react";
import type { ReactNode } from "react";

/** Where the scoring is explained in full: docs/scoring.md, served by the app (app/docs/scoring). */
export const SCORING_DOC = "/docs/scoring";

/**
 * A short explanation behind a small "?" button, in place beside the number it explains. A native
 * disclosure (`details`/`summary`): it opens by keyboard and touch as well as by mouse, screen
 * readers announce it as a button with its label, and it works before any script loads.
 */
export function InfoTip({
  label,
  children,
  align = "right",
}: {
  /** What the button says to assistive technology ("How the overall score is made"). */
  label: string;
  children: ReactNode;
  /** Which edge of the button the panel lines up with (the side with room on a phone). */
  align?: "left" | "right";
}) {
  return (
    <details className="relative inline-block align-middle text-left" data-info-tip>
      <summary
        aria-label={label}
        title={label}
        className="inline-flex cursor-pointer list-none rounded-full text-neutral-500 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100 [&::-webkit-details-marker]:hidden"
      >
        <CircleHelp className="size-3.5" aria-hidden />
      </summary>
      <div
        className={`absolute top-full z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] space-y-1.5 rounded-md border border-neutral-200 bg-white p-3 text-xs font-normal leading-relaxed text-neutral-800 shadow-lg dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 ${
          align === "right" ? "right-0" : "left-0"
        }`}
      >
        {children}
        <p>
          <a href={SCORING_DOC} className="font-medium underline underline-offset-2">
            How scores are made (docs/scoring.md)
          </a>
        </p>
      </div>
    </details>
  );
}

/** What the overall score, its level and "Not yet" are: said the same on every page. */
export function OverallScoreExplained() {
  return (
    <>
      <p>
        The overall score (0-100) is the weighted mean of the gap scores: <strong>tools 50%</strong>,{" "}
        <strong>time 25%</strong>, <strong>people 25%</strong>. A gap without a score (—) leaves the mean, so without
        deploy history the overall score is the tools score.
      </p>
      <p>
        Levels are Bronze, Silver and Gold; each needs its checks and those of the levels below to pass.{" "}
        <strong>Not yet</strong> means Bronze is not reached yet (or nothing could be compared).
      </p>
    </>
  );
}
