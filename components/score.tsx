import { Award, CircleDashed, Medal } from "lucide-react";
import type { Level, Severity } from "@/lib/parity/types";
import { formatScore, LEVEL_CLASS, levelWord, SEVERITY_CLASS } from "./format";

/** A 0-100 score, or "—" with the reason in a tooltip (and for screen readers). */
export function ScoreValue({
  score,
  unknownReason = "Not measured yet: the audit found no signal for this score.",
  className = "",
}: {
  score: number | null | undefined;
  unknownReason?: string;
  className?: string;
}) {
  if (score === null || score === undefined) {
    return (
      <span title={unknownReason} className={`cursor-help text-neutral-500 dark:text-neutral-400 ${className}`}>
        —<span className="sr-only"> ({unknownReason})</span>
      </span>
    );
  }
  return <span className={`tabular-nums ${className}`}>{formatScore(score)}</span>;
}

/** `icon={false}` in long tables: the word carries the level, and 30 inline SVGs weigh 15 kB. */
export function LevelBadge({
  level,
  score,
  icon = true,
}: {
  level: Level | null | undefined;
  score?: number | null;
  icon?: boolean;
}) {
  const Icon = level === "gold" ? Award : level ? Medal : CircleDashed;
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
        LEVEL_CLASS[level ?? "none"]
      }`}
    >
      {icon ? <Icon className="size-3.5" aria-hidden /> : null}
      {levelWord(level)}
      {score !== undefined ? (
        <>
          <span aria-hidden> · </span>
          <ScoreValue score={score} />
        </>
      ) : null}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${SEVERITY_CLASS[severity]}`}
    >
      {severity}
    </span>
  );
}
