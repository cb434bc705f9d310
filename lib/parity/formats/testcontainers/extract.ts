import { resolveImage } from "../../catalog";
import { redactText } from "../../redact";
import type { ExtractContext, ExtractedUse, ExtractResult, FormatFile } from "../../types";
import { springComposeUses } from "./spring-compose";

/**
 * Testcontainers image strings in test code (Java, Kotlin, Node, Python, Go), read as text. An
 * image literal counts when it is the argument of a container constructor, `DockerImageName.parse`,
 * a module's `Run(ctx, ...)`, `WithImage(...)` or an `Image:` field; every such use runs in `test`.
 */
const IMAGE_CONTEXTS = [
  /\b(\w*Container)\s*(?:<[^>]*>)?\s*\(\s*(?:DockerImageName\.parse\(\s*)?["']([^"'\s]+)["']/g,
  /\b(DockerImageName)\.parse\(\s*["']([^"'\s]+)["']/g,
  /\b(\w+)\.Run(?:Container)?\(\s*ctx\s*,\s*["']([^"'\s]+)["']/g,
  /\b(WithImage)\(\s*["']([^"'\s]+)["']/g,
  /\b(Image)\s*:\s*["']([^"'\s]+)["']/g,
  /\b(image)\s*=\s*["']([^"'\s]+)["']/g,
];

/** No-argument containers use the module's default image: the class still names the engine. */
const DEFAULT_CLASSES: Record<string, string> = {
  PostgreSQLContainer: "postgres",
  PostgreSqlContainer: "postgres",
  PostgresContainer: "postgres",
  MySQLContainer: "mysql",
  MySqlContainer: "mysql",
  MariaDBContainer: "mariadb",
  MongoDBContainer: "mongo",
  RedisContainer: "redis",
  KafkaContainer: "confluentinc/cp-kafka",
  RabbitMQContainer: "rabbitmq",
  ElasticsearchContainer: "elasticsearch",
  LocalStackContainer: "localstack/localstack",
};

function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

/** An import of a container library (Java, Kotlin, Node, Python, Go) or Spring Boot's compose support. */
const LIBRARY =
  /\borg\.testcontainers\.|["'`]@?testcontainers(?:\/[\w-]+)?["'`]|\bfrom\s+testcontainers\b|\bimport\s+testcontainers\b|github\.com\/testcontainers\/testcontainers-go|\bspring\.docker\.compose\./;

/** True when the file really uses a container library (not a test that only names one). */
export function usesContainerLibrary(content: string): boolean {
  // Substring checks first: most test files mention neither, and a regex over each is the cost.
  if (!content.includes("testcontainers") && !content.includes("spring.docker.compose")) return false;
  return LIBRARY.test(content);
}

export function extractTestcontainers(file: FormatFile, ctx?: ExtractContext): ExtractResult {
  try {
    // Cheap gate: only files that use a container library are this format's, and scanned.
    if (!usesContainerLibrary(file.content)) return { uses: [], problems: [], unclaimed: true };
    const uses: ExtractedUse[] = [];
    if (ctx && file.content.includes("spring.docker.compose")) uses.push(...springComposeUses(file, ctx));
    const lines = file.content.split(/\r?\n/);
    lines.forEach((line, index) => {
      if (/^\s*(\/\/|#|\*)/.test(line)) return;
      // A call whose arguments start on the next line (`new PostgreSQLContainer<>(\n "postgres:17"`).
      const text = line.trimEnd().endsWith("(") ? `${line.trimEnd()}${(lines[index + 1] ?? "").trim()}` : line;
      const seen = new Set<string>();
      for (const pattern of IMAGE_CONTEXTS) {
        for (const match of text.matchAll(pattern)) {
          const image = match[2] ?? "";
          if (seen.has(image)) continue;
          seen.add(image);
          const service = resolveImage(image);
          if (!service || service.kind === "runtime") continue;
          uses.push({
            ...service,
            line: index + 1,
            raw: shorten(text),
            via: "image",
            environment: "test",
            name: match[1] ?? "container",
          });
        }
      }
      for (const match of text.matchAll(/\bnew\s+(\w+Container)\s*(?:<[^>]*>)?\s*\(\s*\)/g)) {
        const image = DEFAULT_CLASSES[match[1] ?? ""];
        const service = image ? resolveImage(image) : null;
        if (!service) continue;
        uses.push({
          ...service,
          version: null,
          pinned: false,
          line: index + 1,
          raw: shorten(text),
          via: "default",
          environment: "test",
          name: match[1],
        });
      }
    });
    return { uses, problems: [] };
  } catch (error) {
    return {
      uses: [],
      problems: [{ type: "parse-error", line: 1, message: `could not read test code: ${String(error).slice(0, 120)}` }],
    };
  }
}
