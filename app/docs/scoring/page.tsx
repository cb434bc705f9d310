import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { markdownBlocks } from "@/components/markdown-blocks";

export const metadata: Metadata = { title: "How scores are made" };

/**
 * docs/scoring.md as a page, so the "?" beside every score links to the full rules from the
 * dashboard itself (the repository's docs are not otherwise served). Read at build time: the
 * page is static, and it changes only with the docs.
 */
export default async function ScoringDocPage() {
  const text = await readFile(path.join(process.cwd(), "docs", "scoring.md"), "utf8");
  const blocks = markdownBlocks(text);
  return (
    <article className="max-w-4xl space-y-3">
      {blocks.map((block, index) => {
        const key = `${index}-${block.kind}`;
        if (block.kind === "h1") {
          return (
            <h1 key={key} id={block.id} className="text-2xl font-semibold tracking-tight">
              {block.text}
            </h1>
          );
        }
        if (block.kind === "h2") {
          return (
            <h2 key={key} id={block.id} className="pt-4 text-lg font-semibold">
              {block.text}
            </h2>
          );
        }
        if (block.kind === "h3") {
          return (
            <h3 key={key} id={block.id} className="pt-2 font-semibold">
              {block.text}
            </h3>
          );
        }
        return (
          <pre
            key={key}
            className="overflow-x-auto whitespace-pre-wrap break-words font-sans text-sm leading-relaxed text-neutral-800 dark:text-neutral-200"
          >
            {block.text}
          </pre>
        );
      })}
    </article>
  );
}
