/**
 * Dependencies declared in a Maven `pom.xml` or a Gradle build script, read as text with their
 * lines. Only what decides the runtime classpath of the module itself: Maven's
 * `project/dependencies` (not `dependencyManagement`, plugin or profile dependencies), Gradle's
 * dependency lines in string (`'g:a:v'`) or map (`group: 'g', name: 'a'`) notation.
 */
export interface BuildDependency {
  group: string;
  artifact: string;
  /** `runtime`: on the app's classpath everywhere; `development`: only when run locally
   *  (Gradle `developmentOnly`); `test`: tests only; `none`: never at run time (compileOnly...). */
  classpath: "runtime" | "development" | "test" | "none";
  /** Line of the artifact id (Maven) or of the dependency (Gradle). */
  line: number;
}

const blank = (text: string) => text.replace(/[^\n]/g, " ");

/**
 * Comments become spaces and CDATA sections their text (markers and any `<` blanked), newlines
 * kept, so offsets and lines stay right and neither can open a tag.
 */
function blankXmlNoise(content: string): string {
  return content.replace(/<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, (noise, cdata?: string) =>
    cdata === undefined ? blank(noise) : `         ${cdata.replace(/</g, " ")}${blank(noise.slice(9 + cdata.length))}`,
  );
}

function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let position = 0;
  // Offsets are asked in increasing order (one forward scan).
  return (offset) => {
    for (; position < offset; position++) if (text.charCodeAt(position) === 10) line++;
    return line;
  };
}

const FIELDS = new Set(["groupId", "artifactId", "scope"]);

function mavenClasspath(scope: string | undefined): BuildDependency["classpath"] {
  if (scope === "test") return "test";
  if (scope === "import") return "none";
  return "runtime";
}

export function mavenDependencies(content: string): BuildDependency[] {
  const text = blankXmlNoise(content);
  const lineAt = lineCounter(text);
  const stack: string[] = [];
  const result: BuildDependency[] = [];
  let current: Map<string, { value: string; line: number }> | null = null;
  let fieldStart = -1;
  for (const tag of text.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [whole, closing, name = "", selfClosing] = tag;
    const offset = tag.index;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      if (current && at === 3 && FIELDS.has(name) && stack[2] === "dependency") {
        current.set(name, { value: text.slice(fieldStart, offset).trim(), line: lineAt(fieldStart) });
      }
      if (current && at === 2 && name === "dependency") {
        const group = current.get("groupId")?.value;
        const artifact = current.get("artifactId");
        if (group && artifact?.value) {
          result.push({
            group,
            artifact: artifact.value,
            classpath: mavenClasspath(current.get("scope")?.value),
            line: artifact.line,
          });
        }
        current = null;
      }
      stack.length = at;
      continue;
    }
    if (selfClosing) continue;
    stack.push(name);
    fieldStart = offset + whole.length;
    if (name === "dependency" && stack.length === 3 && stack[0] === "project" && stack[1] === "dependencies") {
      current = new Map();
    }
  }
  return result;
}

/** Configurations that put a dependency on the application's run-time classpath. */
const GRADLE_RUNTIME = new Set(["implementation", "api", "runtimeOnly", "compile", "runtime"]);
/** Spring Boot's configurations for `bootRun` only (`testAndDevelopmentOnly` also reaches tests). */
const GRADLE_DEVELOPMENT = new Set(["developmentOnly", "testAndDevelopmentOnly"]);

function gradleClasspath(configuration: string): BuildDependency["classpath"] {
  if (GRADLE_RUNTIME.has(configuration)) return "runtime";
  if (GRADLE_DEVELOPMENT.has(configuration)) return "development";
  if (/test/i.test(configuration)) return "test";
  return "none";
}

/** `runtimeOnly 'g:a'`, `runtimeOnly("g:a:1.0")`, `"runtimeOnly"("g:a")`, `platform(...)` aside. */
const STRING_NOTATION = /^\s*["']?([A-Za-z]\w*)["']?\s*\(?\s*["']([^"'\s:$]+):([^"'\s:$]+)(?::[^"']*)?["']/;
/** `implementation group: 'g', name: 'a'` (Groovy) and `implementation(group = "g", name = "a")` (Kotlin). */
const MAP_NOTATION = /^\s*([A-Za-z]\w*)\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["']/;

/** `runtimeOnly(libs.h2)`, `runtimeOnly libs.database.h2` (a version-catalog accessor). */
const CATALOG_NOTATION = /^\s*["']?([A-Za-z]\w*)["']?\s*\(?\s*libs\.([\w.]+)/;

/** `catalog`: the version catalog's libraries by accessor (see version-catalog.ts). */
export function gradleDependencies(
  content: string,
  catalog: ReadonlyMap<string, { group: string; artifact: string }> = new Map(),
): BuildDependency[] {
  // Block comments become spaces (newlines kept); `//` starts a comment only after a blank or at
  // the start, so `https://` in a repository URL stays.
  const text = content.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (comment) => comment.replace(/[^\n]/g, " "));
  const result: BuildDependency[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/(^|\s)\/\/.*$/, "");
    const match = STRING_NOTATION.exec(line) ?? MAP_NOTATION.exec(line);
    if (match?.[1] && match[2] && match[3]) {
      result.push({ group: match[2], artifact: match[3], classpath: gradleClasspath(match[1]), line: index + 1 });
      return;
    }
    const alias = CATALOG_NOTATION.exec(line);
    const library = alias?.[1] && alias[2] ? catalog.get(alias[2].toLowerCase()) : undefined;
    if (alias?.[1] && library) result.push({ ...library, classpath: gradleClasspath(alias[1]), line: index + 1 });
  });
  return result;
}
