import { ArrowRight } from "lucide-react";
import type { Report } from "@/lib/parity/types";
import { levelWord } from "../format";

export function NextLevel({ nextLevel, level }: Pick<Report, "nextLevel" | "level">) {
  if (!nextLevel) {
    return (
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {level === "gold" ? "Gold: the highest level. Keep it there." : "No next level computed for this audit."}
      </p>
    );
  }
  return (
    <section aria-labelledby="next-level" className="text-sm">
      <h2 id="next-level" className="font-semibold">
        Next: {levelWord(nextLevel.level)} needs
      </h2>
      {nextLevel.needs.length === 0 ? (
        <p className="text-neutral-700 dark:text-neutral-300">nothing more: the next audit will reach it.</p>
      ) : (
        <ol className="mt-1 space-y-0.5">
          {nextLevel.needs.map((need) => (
            <li key={need} className="flex gap-1.5">
              <ArrowRight className="mt-0.5 size-3.5 shrink-0 text-neutral-500" aria-hidden />
              <span>{need}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
