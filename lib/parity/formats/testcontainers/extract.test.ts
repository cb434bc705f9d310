import { readFileSync } from "node:fs";
import { join } from "node:path";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import type { ExtractContext, ExtractedUse } from "../../types";
import { testcontainersFormat as testcontainers } from "./index";

const ctx: ExtractContext = { paths: [], readFile: () => undefined };

function run(fixture: string, path: string) {
  const content = readFileSync(join(__dirname, "__fixtures__", fixture), "utf8");
  return testcontainers.extract({ path, content }, ctx);
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.version, u.pinned, u.line, u.via]);
}

describe("testcontainers", () => {
  it("reads Java containers, DockerImageName.parse and no-argument defaults; skips comments", () => {
    const { uses } = run("java/OrderRepositoryIT.java", "src/test/java/com/acme/orders/OrderRepositoryIT.java");
    expect(facts(uses)).toEqual([
      ["test", "database", "postgres", "15", true, 17, "image"],
      ["test", "cache", "redis", "7", true, 21, "image"],
      ["test", "broker", "rabbitmq", null, false, 27, "default"],
    ]);
    expect(uses[0]?.name).toBe("PostgreSQLContainer");
  });

  it("reads Node modules and GenericContainer, with an untagged image as unpinned", () => {
    const { uses } = run("node/users.int-spec.ts.txt", "test/users.int-spec.ts");
    expect(facts(uses)).toEqual([
      ["test", "database", "postgres", "16", true, 10, "image"],
      ["test", "cache", "redis", null, false, 11, "image"],
    ]);
  });

  it("reads Python containers, positional and image=", () => {
    const { uses } = run("python/conftest.py", "tests/conftest.py");
    expect(facts(uses)).toEqual([
      ["test", "database", "postgres", "16", true, 8, "image"],
      ["test", "search", "opensearch", "2", true, 14, "image"],
    ]);
  });

  it("reads Go module Run calls and ContainerRequest images", () => {
    const { uses } = run("go/store_test.go", "internal/store/store_test.go");
    expect(facts(uses)).toEqual([
      ["test", "database", "postgres", "16", true, 13, "image"],
      ["test", "broker", "nats", "2.10", true, 20, "image"],
    ]);
  });

  it("ignores files that do not use Testcontainers and vendored code", () => {
    const plain = testcontainers.extract({ path: "src/app.test.ts", content: 'const image = "postgres:16";\n' }, ctx);
    expect(plain).toEqual({ uses: [], problems: [], unclaimed: true });
    const vendored = run("go/store_test.go", "vendor/github.com/x/store_test.go");
    expect(vendored.uses).toEqual([]);
  });

  it.each([
    ["src/test/java/com/acme/FooIT.java", true],
    ["app/src/test/kotlin/FooTest.kt", true],
    ["web/src/users.spec.ts", true],
    ["tests/integration/test_api.py", true],
    ["pkg/store/store_test.go", true],
    ["src/main/java/com/acme/Foo.java", false],
    ["src/users.ts", false],
  ])("claims %s: %s", (path, claimed) => {
    expect(picomatch(testcontainers.patterns as string[], { dot: true })(path)).toBe(claimed);
  });
});

describe("testcontainers: only files that use a container library", () => {
  it.each([
    [
      "a plain vitest file",
      "src/cart.test.ts",
      'import { expect, it } from "vitest";\nit("adds", () => expect(1).toBe(1));\n',
    ],
    ["a spec that only names the library in a comment", "src/app.spec.ts", "// no testcontainers here: mocked\n"],
  ])("leaves %s unclaimed", (_name, path, content) => {
    expect(testcontainers.extract({ path, content }, ctx)).toEqual({ uses: [], problems: [], unclaimed: true });
  });

  it("reads the compose services Spring Boot starts from a test, limited to the ones named", () => {
    const compose = readFileSync(join(__dirname, "__fixtures__", "spring", "compose.yaml"), "utf8");
    const withCompose: ExtractContext = {
      paths: ["billing/compose.yaml"],
      readFile: (path) => (path === "billing/compose.yaml" ? compose : undefined),
    };
    const content = readFileSync(join(__dirname, "__fixtures__", "spring", "BillingComposeTests.java"), "utf8");
    const { uses } = testcontainers.extract(
      { path: "billing/src/test/java/com/acme/billing/BillingComposeTests.java", content },
      withCompose,
    );
    expect(facts(uses)).toEqual([["test", "database", "postgres", "17", true, 6, "image"]]);
    expect(uses[0]?.raw).toBe("spring.docker.compose: db postgres:17.2 (billing/compose.yaml)");
  });
});

describe("testcontainers: arguments on the next line", () => {
  it("reads an image written on the line after the constructor, at the constructor's line", () => {
    const content =
      'import org.testcontainers.containers.PostgreSQLContainer;\n\nclass OrdersIT {\n  static PostgreSQLContainer<?> db = new PostgreSQLContainer<>(\n    "postgres:17.2"\n  );\n}\n';
    const { uses } = testcontainers.extract({ path: "src/test/java/OrdersIT.java", content }, ctx);
    expect(facts(uses)).toEqual([["test", "database", "postgres", "17", true, 4, "image"]]);
  });
});
