/**
 * A unified diff as people read one: file headers, hunk lines, additions green and removals red
 * (with + and - kept, so colour is never the only cue). Wrapped rather than scrolled.
 */
export function FixDiff({ diff, label }: { diff: string; label: string }) {
  const lines = diff.replace(/\n$/, "").split("\n");
  return (
    <figure aria-label={label}>
      <pre className="whitespace-pre-wrap break-all rounded-md border border-neutral-200 bg-neutral-50 p-2 font-mono text-xs leading-5 dark:border-neutral-800 dark:bg-neutral-950">
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines are positional and repeat.
          <span key={index} className={`block ${lineClass(line)}`}>
            {line === "" ? " " : line}
          </span>
        ))}
      </pre>
    </figure>
  );
}

function lineClass(line: string): string {
  if (line.startsWith("+++") || line.startsWith("---")) return "font-semibold text-neutral-700 dark:text-neutral-300";
  if (line.startsWith("@@")) return "text-sky-800 dark:text-sky-300";
  if (line.startsWith("+")) return "bg-emerald-100 text-emerald-950 dark:bg-emerald-950/60 dark:text-emerald-100";
  if (line.startsWith("-")) return "bg-red-100 text-red-950 dark:bg-red-950/60 dark:text-red-100";
  return "text-neutral-700 dark:text-neutral-300";
}
