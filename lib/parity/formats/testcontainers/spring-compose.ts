import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractContext, ExtractedUse, FormatFile } from "../../types";
import { joinPath } from "../shared/paths";
import { getNode, mapEntries, parseYamlDocuments, scalarText } from "../shared/yaml-nodes";

/**
 * Spring Boot's docker-compose support started from a test (`spring.docker.compose.skip.in-tests
 * =false`): the tests run against the compose file's services, wherever they run, CI included.
 * The file is `spring.docker.compose.file` or the default names in the module's directory (the
 * part of the path before `src/test/`); `spring.docker.compose.start.arguments` may name the
 * services to start. Without `skip.in-tests=false` Spring skips compose in tests: nothing then.
 */
const DEFAULT_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

function property(content: string, name: string): { value: string; line: number } | null {
  const at = content.indexOf(`spring.docker.compose.${name}`);
  if (at < 0) return null;
  const rest = content.slice(at + `spring.docker.compose.${name}`.length);
  const value = /^\s*[=:]\s*([^"'\n)]*)/.exec(rest)?.[1]?.trim();
  if (value === undefined) return null;
  return { value, line: content.slice(0, at).split("\n").length };
}

export function springComposeUses(file: FormatFile, ctx: ExtractContext): ExtractedUse[] {
  const enabled = property(file.content, "skip.in-tests");
  if (enabled?.value !== "false") return [];
  const moduleDir = file.path.includes("src/test/") ? file.path.slice(0, file.path.indexOf("src/test/")) : "";
  const named = property(file.content, "file");
  const candidates = named
    ? [joinPath(moduleDir, named.value)]
    : DEFAULT_FILES.map((name) => joinPath(moduleDir, name));
  const path = candidates.find((candidate) => candidate && ctx.readFile(candidate) !== undefined);
  const content = path ? ctx.readFile(path) : undefined;
  if (!path || content === undefined) return [];
  const parsed = parseYamlDocuments(content);
  if (parsed.problems.length > 0) return [];
  const started = property(file.content, "start.arguments")
    ?.value.split(/[\s,]+/)
    .filter((word) => word && !word.startsWith("-"));
  const uses: ExtractedUse[] = [];
  for (const service of mapEntries(getNode(parsed.roots[0], "services"))) {
    if (started && started.length > 0 && !started.includes(service.key)) continue;
    const image = scalarText(getNode(service.value, "image"));
    const resolved = image ? resolveImage(image) : null;
    if (!image || !resolved || resolved.kind === "runtime") continue;
    uses.push({
      ...resolved,
      line: enabled.line,
      raw: redactText(`spring.docker.compose: ${service.key} ${image} (${path})`),
      via: "image",
      environment: "test",
      name: "spring.docker.compose",
    });
  }
  return uses;
}
