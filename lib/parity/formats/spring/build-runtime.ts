import { normalizeVersion, resolveImage } from "../../catalog";
import type { ExtractedUse } from "../../types";

/**
 * Runtime facts a JVM build file states for the shipped application (`prod`):
 * - the jib plugin's base image (`<jib-maven-plugin.image>`, `<from><image>`, Gradle `jib.from.image`)
 *   is the JRE the image runs;
 * - `<java.version>` / `<maven.compiler.release>` / a Gradle toolchain `JavaLanguageVersion.of(21)`
 *   is the Java the build targets (a JDK below it cannot build the app);
 * - the frontend plugin's `<node.version>` / `<nodeVersion>` is the Node the production build runs.
 * Read as text; `${property}` references resolve from the POM's `<properties>`.
 */
export function buildRuntimeUses(path: string, content: string): ExtractedUse[] {
  const lines = content.split("\n");
  const properties = new Map<string, { value: string; line: number }>();
  lines.forEach((text, index) => {
    const property = /^\s*<([\w.-]+)>([^<${}]+)<\/\1>\s*$/.exec(text);
    if (property?.[1] && property[2]) properties.set(property[1], { value: property[2].trim(), line: index + 1 });
  });
  const resolve = (value: string, line: number) => {
    const reference = /^\$\{([\w.-]+)\}$/.exec(value.trim());
    return reference?.[1] ? properties.get(reference[1]) : { value: value.trim(), line };
  };
  const uses: ExtractedUse[] = [];
  const seen = new Set<string>();
  const push = (engine: string, raw: string, value: string, line: number, via: ExtractedUse["via"], name: string) => {
    const key = `${engine}:${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    const version = normalizeVersion(engine, value);
    if (!version) return;
    uses.push({ kind: "runtime", engine, version, pinned: true, line, raw, via, environment: "prod", name });
  };
  const image = (value: string, line: number) => {
    const service = resolveImage(value);
    if (service?.kind !== "runtime") return;
    if (seen.has(`image:${line}`)) return;
    seen.add(`image:${line}`);
    uses.push({
      kind: "runtime",
      engine: service.engine,
      version: service.version,
      pinned: service.pinned,
      line,
      raw: `jib base image ${value}`,
      via: "image",
      environment: "prod",
      name: "jib",
    });
  };
  const isPom = path.endsWith("pom.xml");
  let inJibFrom = false;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (isPom) {
      const java = /<(java\.version|maven\.compiler\.release)>([^<]+)</.exec(text);
      if (java?.[2] && !java[2].includes("$"))
        push("java", `<${java[1]}>${java[2]}`, java[2], line, "setting", "build target");
      const node = /<(node\.version|nodeVersion)>([^<]+)</.exec(text);
      if (node?.[2]) {
        const resolved = resolve(node[2], line);
        if (resolved)
          push("node", `<${node[1]}>${resolved.value}`, resolved.value, resolved.line, "setting", "frontend build");
      }
      const jibProperty = /<jib(?:-maven-plugin)?\.(?:from\.)?image>([^<]+)</.exec(text);
      if (jibProperty?.[1]) image(jibProperty[1].trim(), line);
      if (/<from>/.test(text)) inJibFrom = true;
      if (/<\/from>/.test(text)) inJibFrom = false;
      const fromImage = /<image>([^<]+)<\/image>/.exec(text);
      if (inJibFrom && fromImage?.[1]) {
        const resolved = resolve(fromImage[1], line);
        if (resolved) image(resolved.value, resolved.line);
      }
    } else {
      const toolchain = /JavaLanguageVersion\.of\(\s*["']?(\d+)/.exec(text);
      if (toolchain?.[1]) push("java", text.trim(), toolchain[1], line, "setting", "build target");
      const jib =
        /^\s*from\s*\{?\s*image\s*=\s*["']([^"']+)["']/.exec(text) ??
        /jib\.from\.image\s*=\s*["']([^"']+)["']/.exec(text);
      if (jib?.[1]) image(jib[1], line);
    }
  });
  return uses;
}
