/** Where the scoring is explained in full: docs/scoring.md, served by the app (app/docs/scoring). */
export const SCORING_DOC = "/docs/scoring";

/**
 * What the overall score, its level and "Not yet" are: said the same on every page. Spans, not
 * paragraphs: it sits inside InfoTip's panel, which may be inside a line of text.
 */
export function OverallScoreExplained() {
  return (
    <>
      <span className="block">
        The overall score (0-100) is the weighted mean of the gap scores: <strong>tools 50%</strong>,{" "}
        <strong>time 25%</strong>, <strong>people 25%</strong>. A gap without a score (—) leaves the mean, so without
        deploy history the overall score is the tools score.
      </span>
      <span className="block">
        Levels are Bronze, Silver and Gold; each needs its checks and those of the levels below to pass.{" "}
        <strong>Not yet</strong> means Bronze is not reached yet (or nothing could be compared).
      </span>
    </>
  );
}
