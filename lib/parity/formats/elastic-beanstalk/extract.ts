import { tagState } from "../../catalog";
import { redactText } from "../../redact";
import type { DeployedImage, ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { imageUse } from "../shared/image-use";
import { lineIndex } from "../shared/lines";
import { isApplicationImage, repositoryNames } from "../shared/own-image";
import { stagingOrProd } from "../shared/platform-helpers";

interface Container {
  image: string;
  name: string;
  /** Offset of the image's string in the file, for its line. */
  at: number;
}

/**
 * A Dockerrun file is what an Elastic Beanstalk environment runs: prod, or staging when its path
 * says so. Each image is a deployed image; an image the catalog knows (a Redis container beside
 * the app in version 2) is also a service use. JSON gives no positions: an image's line is where
 * its quoted string is written, searched in order from the previous one.
 */
export function extractDockerrun(file: FormatFile, ctx: ExtractContext): ExtractResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.content);
  } catch (error) {
    const message = error instanceof Error ? error.message : "invalid JSON";
    return { uses: [], problems: [{ type: "parse-error", line: 1, message: `Dockerrun.aws.json: ${message}` }] };
  }
  const environment = stagingOrProd(file.path);
  const lineOf = lineIndex(file.content);
  const names = repositoryNames(ctx.repository);
  const uses: ExtractedUse[] = [];
  const images: DeployedImage[] = [];
  for (const container of containersOf(parsed, file.content)) {
    const line = lineOf(container.at);
    images.push({
      ref: redactText(container.image),
      line,
      tag: tagState(container.image),
      own: isApplicationImage(container.image, names),
      name: container.name,
    });
    const use = imageUse(container.image, line, redactText(`image: ${container.image}`), container.name);
    if (use) uses.push(use);
  }
  return {
    uses,
    images,
    environment,
    reason: "an Elastic Beanstalk environment's definition: what a deploy runs",
    problems: [],
  };
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Version 1's `Image.Name`, version 2's `containerDefinitions[].image`, in file order. */
function containersOf(parsed: unknown, content: string): Container[] {
  const root = record(parsed);
  if (!root) return [];
  const found: { image: string; name: string }[] = [];
  const single = record(root.Image);
  if (typeof single?.Name === "string") found.push({ image: single.Name, name: "Image" });
  const definitions = Array.isArray(root.containerDefinitions) ? root.containerDefinitions : [];
  for (const [index, definition] of definitions.entries()) {
    const entry = record(definition);
    if (typeof entry?.image !== "string") continue;
    found.push({ image: entry.image, name: typeof entry.name === "string" ? entry.name : `container ${index + 1}` });
  }
  let from = 0;
  return found.map((container) => {
    const at = content.indexOf(JSON.stringify(container.image), from);
    if (at >= 0) from = at + 1;
    return { ...container, at: Math.max(0, at) };
  });
}
