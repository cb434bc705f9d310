import { redactText } from "../../redact";
import type { ExtractResult, FormatFile, ServiceKind, TestDouble } from "../../types";

/**
 * A double counts only where the file wires it in: a JavaScript import, `require`, `vi.mock` /
 * `jest.mock` factory or runner alias naming the mock package (a type-only import does not run
 * it), a Python or Go import, a Ruby `require`. A generic mocking library counts only when it
 * deep-mocks a Prisma client (`mockDeep<PrismaClient>()`, a NestJS `PrismaService`), whose engine
 * the schema's provider gives, not the mock.
 */
interface DoubleLibrary {
  library: string;
  kind: ServiceKind;
  engine: string | null;
  /** Matches a line that wires the double in. */
  wires: RegExp;
}

/** `"name"` or `"name/sub"` as a JavaScript string literal. */
function jsModule(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(["'\`])${escaped}(?:/[^"'\`]*)?\\1`);
}

function goModule(path: string): RegExp {
  return new RegExp(`"${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/[^"]*)?"`);
}

const JS_DOUBLES: readonly DoubleLibrary[] = [
  { library: "ioredis-mock", kind: "cache", engine: "redis", wires: jsModule("ioredis-mock") },
  { library: "redis-mock", kind: "cache", engine: "redis", wires: jsModule("redis-mock") },
  { library: "pg-mem", kind: "database", engine: "postgres", wires: jsModule("pg-mem") },
  { library: "prismock", kind: "database", engine: null, wires: jsModule("prismock") },
  { library: "sequelize-mock", kind: "database", engine: null, wires: jsModule("sequelize-mock") },
  { library: "mock-knex", kind: "database", engine: null, wires: jsModule("mock-knex") },
  { library: "knex-mock-client", kind: "database", engine: null, wires: jsModule("knex-mock-client") },
];

const PY_DOUBLES: readonly DoubleLibrary[] = [
  { library: "fakeredis", kind: "cache", engine: "redis", wires: /^\s*(?:import|from)\s+fakeredis\b/ },
  { library: "mongomock", kind: "database", engine: "mongodb", wires: /^\s*(?:import|from)\s+mongomock\b/ },
];

const GO_DOUBLES: readonly DoubleLibrary[] = [
  { library: "go-sqlmock", kind: "database", engine: null, wires: goModule("github.com/DATA-DOG/go-sqlmock") },
  { library: "pgxmock", kind: "database", engine: "postgres", wires: goModule("github.com/pashagolub/pgxmock") },
  { library: "miniredis", kind: "cache", engine: "redis", wires: goModule("github.com/alicebob/miniredis") },
  { library: "redismock", kind: "cache", engine: "redis", wires: goModule("github.com/go-redis/redismock") },
];

const RB_DOUBLES: readonly DoubleLibrary[] = [
  {
    library: "mock_redis",
    kind: "cache",
    engine: "redis",
    wires: /^\s*require\s+["']mock_redis["']|\bMockRedis\.new\b/,
  },
  { library: "fakeredis", kind: "cache", engine: "redis", wires: /^\s*require\s+["']fakeredis(?:\/rspec)?["']/ },
];

/** Generic mocking libraries: they name no service, the mocked type does. */
const GENERIC_MOCKS = /(["'`])(jest|vitest)-mock-extended\1/;
const PRISMA_DEEP_MOCK = /\bmock(?:Deep)?\s*<\s*(Prisma(?:Client|Service)|\w+PrismaService)\b/;

function librariesFor(path: string): readonly DoubleLibrary[] {
  if (/\.(ts|js|mts|mjs|cts|cjs)$/.test(path)) return JS_DOUBLES;
  if (path.endsWith(".py")) return PY_DOUBLES;
  if (path.endsWith(".go")) return GO_DOUBLES;
  if (path.endsWith(".rb")) return RB_DOUBLES;
  return [];
}

/** Cheap gate: a file mentioning none of the libraries is not read line by line. */
const MENTIONS = /mock|fakeredis|pg-mem|miniredis|prismock/i;

function isComment(line: string): boolean {
  return /^\s*(\/\/|#|\*|\/\*)/.test(line);
}

function shorten(text: string): string {
  const clean = redactText(text.trim().replace(/\s+/g, " "));
  return clean.length > 140 ? `${clean.slice(0, 137)}...` : clean;
}

export function extractTestDoubles(file: FormatFile): ExtractResult {
  const none: ExtractResult = { uses: [], problems: [], unclaimed: true };
  // Vendored dependencies' tests are not this repository's tests.
  if (/(^|\/)(node_modules|vendor)\//.test(file.path)) return none;
  if (!MENTIONS.test(file.content)) return none;
  const libraries = librariesFor(file.path);
  const lines = file.content.split("\n");
  const doubles: TestDouble[] = [];
  const seen = new Set<string>();
  const add = (library: DoubleLibrary | Omit<DoubleLibrary, "wires">, index: number) => {
    if (seen.has(library.library)) return;
    seen.add(library.library);
    doubles.push({
      kind: library.kind,
      engine: library.engine,
      line: index + 1,
      raw: shorten(lines[index] ?? ""),
      library: library.library,
    });
  };
  const generic = libraries === JS_DOUBLES ? (GENERIC_MOCKS.exec(file.content)?.[2] ?? null) : null;
  lines.forEach((line, index) => {
    if (isComment(line) || /^\s*import\s+type\b/.test(line)) return;
    for (const library of libraries) if (library.wires.test(line)) add(library, index);
    if (generic) {
      const match = PRISMA_DEEP_MOCK.exec(line);
      if (match) add({ library: `${generic}-mock-extended`, kind: "database", engine: null }, index);
    }
  });
  if (doubles.length === 0) return none;
  return {
    uses: [],
    testDoubles: doubles,
    environment: "test",
    reason: `test code: wires in ${doubles.map((double) => double.library).join(", ")}`,
    problems: [],
  };
}
