/** Reads the version files that setup actions point to (`node-version-file: .nvmrc`). */
import { NODE_LTS } from "../../catalog";

/** `.tool-versions` (asdf, mise) plugin names per engine. */
const TOOL_NAMES: Record<string, readonly string[]> = {
  node: ["nodejs", "node"],
  python: ["python"],
  ruby: ["ruby"],
  go: ["golang", "go"],
  java: ["java"],
  php: ["php"],
  elixir: ["elixir"],
  bun: ["bun"],
  deno: ["deno"],
  dotnet: ["dotnet", "dotnet-core"],
};

function meaningfulLines(content: string): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

/** A Node version spec as setup-node reads it; null for `lts/*`, `node`, `latest`. */
export function nodeSpec(spec: string): string | null {
  const text = spec.trim().toLowerCase();
  const lts = /^lts\/(\w+)$/.exec(text);
  if (lts) return NODE_LTS[lts[1] ?? ""] ?? null;
  return /\d/.test(text) ? text : null;
}

/** The version a file names for an engine, or null when it does not say. */
export function versionFromFile(engine: string, path: string, content: string): string | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (base === ".tool-versions") {
    const names = TOOL_NAMES[engine] ?? [engine];
    for (const line of meaningfulLines(content)) {
      const [tool, version] = line.split(/\s+/);
      if (tool && version && names.includes(tool)) return engine === "node" ? nodeSpec(version) : version;
    }
    return null;
  }
  if (base === "go.mod") {
    // setup-go prefers the `toolchain` directive, then `go`.
    const toolchain = /^toolchain\s+go(\S+)/m.exec(content)?.[1];
    return toolchain ?? /^go\s+(\S+)/m.exec(content)?.[1] ?? null;
  }
  if (base === "package.json") return packageJsonNode(content);
  const first = meaningfulLines(content)[0];
  if (!first) return null;
  const cleaned = first.replace(/^(ruby|python|node|v)-?/i, "");
  return engine === "node" ? nodeSpec(cleaned) : cleaned;
}

function packageJsonNode(content: string): string | null {
  try {
    const json: unknown = JSON.parse(content);
    if (typeof json !== "object" || json === null) return null;
    const record = json as { volta?: { node?: unknown }; engines?: { node?: unknown } };
    const spec = record.volta?.node ?? record.engines?.node;
    return typeof spec === "string" ? nodeSpec(spec) : null;
  } catch {
    return null;
  }
}
