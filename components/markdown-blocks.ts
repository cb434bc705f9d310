/**
 * A markdown document as headings and text blocks: enough to show the repository's docs in the
 * dashboard with linkable sections (GitHub's heading ids), without a markdown renderer.
 */
export type MarkdownBlock = { kind: "h1" | "h2" | "h3"; text: string; id: string } | { kind: "text"; text: string };

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join("\n").replace(/^\n+|\n+$/g, "");
    if (text) blocks.push({ kind: "text", text });
    lines = [];
  };
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,3}) (.+)$/.exec(line);
    if (heading?.[1] && heading[2]) {
      flush();
      const kind = (["h1", "h2", "h3"] as const)[heading[1].length - 1] ?? "h3";
      blocks.push({ kind, text: heading[2], id: headingId(heading[2]) });
    } else if (line.trim() === "" && !fenced) {
      flush();
    } else {
      lines.push(line);
    }
  }
  flush();
  return blocks;
}
