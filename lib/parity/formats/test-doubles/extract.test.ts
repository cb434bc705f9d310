import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testDoublesFormat } from "./index";

function run(fixture: string, path: string) {
  const content = readFileSync(join(__dirname, "__fixtures__", fixture), "utf8");
  return testDoublesFormat.extract({ path, content });
}

function doubles(fixture: string, path: string) {
  return (run(fixture, path).testDoubles ?? []).map((d) => [d.kind, d.engine, d.library, d.line]);
}

describe("test-doubles", () => {
  it.each([
    {
      name: "a vi.mock factory that swaps ioredis for ioredis-mock (not the type-only import)",
      fixture: "setup-mocks.ts.txt",
      path: "server/test/setupMocks.ts",
      expected: [["cache", "redis", "ioredis-mock", 6]],
    },
    {
      name: "a deep mock of a NestJS PrismaService",
      fixture: "orders.service.spec.ts.txt",
      path: "src/orders/orders.service.spec.ts",
      expected: [["database", null, "jest-mock-extended", 7]],
    },
    {
      name: "a Python fakeredis import",
      fixture: "conftest.py",
      path: "tests/conftest.py",
      expected: [["cache", "redis", "fakeredis", 2]],
    },
    {
      name: "a Go go-sqlmock import",
      fixture: "repo_test.go",
      path: "internal/store/repo_test.go",
      expected: [["database", null, "go-sqlmock", 6]],
    },
  ])("$name", ({ fixture, path, expected }) => {
    expect(doubles(fixture, path)).toEqual(expected);
  });

  it.each([
    { name: "a generic mock of something that is not a Prisma client", fixture: "mailer.spec.ts.txt" },
    { name: "a type-only import of a mock package", fixture: "type-only.test.ts.txt" },
  ])("leaves unclaimed: $name", ({ fixture }) => {
    expect(run(fixture, "src/x.spec.ts")).toEqual({ uses: [], problems: [], unclaimed: true });
  });

  it("places the file in test and says why; vendored tests are not read", () => {
    const result = run("setup-mocks.ts.txt", "server/test/setupMocks.ts");
    expect(result.environment).toBe("test");
    expect(result.reason).toBe("test code: wires in ioredis-mock");
    expect(run("conftest.py", "vendor/lib/tests/conftest.py").unclaimed).toBe(true);
  });
});
