// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Spring placeholders are ${VAR} strings
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeSnapshot, readFixtureTree } from "../../__tests__/support";
import { audit } from "../../audit/audit";
import type { ExtractContext, ExtractedUse } from "../../types";
import { springFormat as spring } from "./index";

const FIXTURES = join(__dirname, "__fixtures__");

function fixtureFiles(name: string): Record<string, string> {
  const root = join(FIXTURES, name);
  return Object.fromEntries(readFixtureTree(root));
}

/** A fixture with `changes` applied (`null` deletes a file); `run` extracts one of its files. */
function project(name: string, changes: Record<string, string | null> = {}) {
  const files = new Map(Object.entries(fixtureFiles(name)));
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) files.delete(path);
    else files.set(path, content);
  }
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  // The build file's runtime facts (java.version, jib) are tested in extract.test.ts.
  return (path: string) => {
    const result = spring.extract({ path, content: files.get(path) ?? "" }, ctx);
    return { ...result, uses: result.uses.filter((use) => use.kind !== "runtime") };
  };
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.line, u.via]);
}

/** Line of the first line of `path` in fixture `name` containing `text`. */
function lineOf(name: string, path: string, text: string): number {
  const index = (fixtureFiles(name)[path] ?? "").split("\n").findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const H2_LINE = lineOf("inventory", "pom.xml", "<artifactId>h2</artifactId>");
const MAIN = "src/main/resources";

describe("Maven app with H2 on the classpath and no datasource URL (inventory)", () => {
  it("records the embedded H2 in dev and test at the pom.xml dependency, not in prod (the prod profile sets a URL)", () => {
    const { uses, problems } = project("inventory")("pom.xml");
    expect(problems).toEqual([]);
    expect(facts(uses)).toEqual([
      ["dev", "database", "h2", H2_LINE, "default"],
      ["test", "database", "h2", H2_LINE, "default"],
    ]);
    expect(uses[0]).toMatchObject({
      raw: "dependency com.h2database:h2 (Spring Boot embedded default: no spring.datasource.url)",
      version: null,
      pinned: null,
      name: "embedded database",
    });
  });

  it("gives prod the embedded default when the prod profile sets no URL and nothing deploys one", () => {
    const run = project("inventory", { [`${MAIN}/application-prod.yml`]: "spring:\n  jpa:\n    show-sql: false\n" });
    expect(facts(run("pom.xml").uses).map(([environment]) => environment)).toEqual(["dev", "test", "prod"]);
  });

  it("leaves out an environment whose deploy files set SPRING_DATASOURCE_URL", () => {
    const deployment = fixtureFiles("inventory")["k8s/deployment.yaml"] ?? "";
    const run = project("inventory", {
      [`${MAIN}/application-prod.yml`]: "spring:\n  jpa:\n    show-sql: false\n",
      "k8s/deployment.yaml": deployment.replace(
        "            - name: DB_HOST",
        "            - name: SPRING_DATASOURCE_URL\n              value: jdbc:postgresql://db/inventory\n            - name: DB_HOST",
      ),
      "docker-compose.yml":
        "services:\n  app:\n    environment:\n      SPRING_DATASOURCE_URL: jdbc:postgresql://db/app\n",
    });
    expect(facts(run("pom.xml").uses).map(([environment]) => environment)).toEqual(["test"]);
  });

  it("ignores a commented-out deploy setting", () => {
    const run = project("inventory", { "docker-compose.yml": "services:\n  app:\n    # SPRING_DATASOURCE_URL: x\n" });
    expect(facts(run("pom.xml").uses).map(([environment]) => environment)).toEqual(["dev", "test"]);
  });

  it.each([
    ["a literal URL", "spring.datasource.url=jdbc:postgresql://localhost/inventory"],
    ["a URL from the environment only", "spring.datasource.url=${DATABASE_URL}"],
    ["a jdbc-url", "spring.datasource.jdbc-url=jdbc:mysql://localhost/inventory"],
    ["an R2DBC URL", "spring.r2dbc.url=r2dbc:postgresql://localhost/inventory"],
    [
      "the auto-configuration excluded",
      "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    ],
  ])("records nothing when the default config has %s", (_, line) => {
    const run = project("inventory", {
      [`${MAIN}/application.properties`]: `spring.application.name=inventory\n${line}\n`,
    });
    expect(run("pom.xml").uses).toEqual([]);
  });

  it("still records it when the default config sets only credentials", () => {
    const run = project("inventory", { [`${MAIN}/application.properties`]: "spring.datasource.username=sa\n" });
    expect(facts(run("pom.xml").uses).map(([environment]) => environment)).toEqual(["dev", "test"]);
  });

  it("drops test when the test resources set a URL, keeps it when they shadow without one", () => {
    const withUrl = project("inventory", {
      "src/test/resources/application-it.properties": "spring.datasource.url=jdbc:tc:postgresql:16:///it\n",
    });
    expect(facts(withUrl("pom.xml").uses).map(([environment]) => environment)).toEqual(["dev"]);
    const shadow = project("inventory", { "src/test/resources/application.properties": "logging.level.root=warn\n" });
    expect(facts(shadow("pom.xml").uses).map(([environment]) => environment)).toEqual(["dev", "test"]);
  });

  it("records nothing when H2 is only a test dependency", () => {
    const pom = fixtureFiles("inventory")["pom.xml"] ?? "";
    const testScoped = pom.replace(
      "<scope>runtime</scope>\n    </dependency>\n    <dependency>\n      <groupId>org.postgresql",
      "<scope>test</scope>\n    </dependency>\n    <dependency>\n      <groupId>org.postgresql",
    );
    expect(testScoped).not.toBe(pom);
    expect(project("inventory", { "pom.xml": testScoped })("pom.xml").uses).toEqual([]);
  });

  it("takes the driver Spring Boot tries first (H2 before HSQLDB), and HSQLDB alone as in-memory", () => {
    const deps = (...artifacts: string[]) =>
      `<project><parent><groupId>org.springframework.boot</groupId></parent><dependencies>${artifacts
        .map(
          (a) =>
            `\n<dependency><groupId>${a.split(":")[0]}</groupId><artifactId>${a.split(":")[1]}</artifactId></dependency>`,
        )
        .join("")}\n</dependencies></project>`;
    const both = project("inventory", { "pom.xml": deps("org.hsqldb:hsqldb", "com.h2database:h2") })("pom.xml");
    expect(facts(both.uses)[0]).toEqual(["dev", "database", "h2", 3, "default"]);
    const hsqldb = project("inventory", { "pom.xml": deps("org.hsqldb:hsqldb") })("pom.xml");
    expect(facts(hsqldb.uses)[0]).toEqual(["dev", "database", "in-memory", 2, "default"]);
    expect(hsqldb.uses[0]?.raw).toContain("org.hsqldb:hsqldb");
  });

  it("reads a Spring Boot app without any application.* when it has sources, not an aggregator pom", () => {
    const gone = { [`${MAIN}/application.properties`]: null, [`${MAIN}/application-prod.yml`]: null };
    expect(facts(project("inventory", gone)("pom.xml").uses).map(([environment]) => environment)).toEqual([
      "dev",
      "test",
    ]);
    const aggregator = project("inventory", {
      ...gone,
      "src/main/java/com/acme/inventory/InventoryApplication.java": null,
    });
    expect(aggregator("pom.xml").uses).toEqual([]);
  });
});

describe("Gradle Kotlin DSL module (ledger)", () => {
  const H2 = lineOf("ledger", "ledger-service/build.gradle.kts", 'runtimeOnly("com.h2database:h2")');

  it("records H2 at the module's runtimeOnly line; the Dockerfile's cloud profile sets prod's URL", () => {
    const run = project("ledger");
    expect(facts(run("ledger-service/build.gradle.kts").uses)).toEqual([
      ["dev", "database", "h2", H2, "default"],
      // src/test/resources/application.yml shadows the main config and sets no URL either.
      ["test", "database", "h2", H2, "default"],
    ]);
    expect(run("build.gradle.kts").uses).toEqual([]);
  });

  it("resolves a version-catalog alias from the nearest gradle/libs.versions.toml", () => {
    const script = fixtureFiles("ledger")["ledger-service/build.gradle.kts"] ?? "";
    const run = project("ledger", {
      "ledger-service/build.gradle.kts": script.replace(
        'runtimeOnly("com.h2database:h2")',
        "runtimeOnly(libs.h2.database)",
      ),
      "gradle/libs.versions.toml":
        '[versions]\nh2 = "2.2.224"\n\n[libraries]\nh2-database = { module = "com.h2database:h2", version.ref = "h2" }\n',
    });
    expect(facts(run("ledger-service/build.gradle.kts").uses)).toEqual([
      ["dev", "database", "h2", H2, "default"],
      ["test", "database", "h2", H2, "default"],
    ]);
  });

  it("keeps a developmentOnly H2 out of tests", () => {
    const script = fixtureFiles("ledger")["ledger-service/build.gradle.kts"] ?? "";
    const run = project("ledger", {
      "ledger-service/build.gradle.kts": script.replace(
        'runtimeOnly("com.h2database:h2")',
        'developmentOnly("com.h2database:h2")',
      ),
    });
    expect(facts(run("ledger-service/build.gradle.kts").uses)).toEqual([["dev", "database", "h2", H2, "default"]]);
  });
});

describe("no implicit fact", () => {
  it("for a Groovy build with H2 and HSQLDB only in test configurations (catalog)", () => {
    expect(project("catalog")("build.gradle").uses).toEqual([]);
  });

  it("for a project whose default config sets an explicit H2 URL (orders)", () => {
    expect(project("orders")("pom.xml").uses).toEqual([]);
  });
});

describe("audit: H2 by Spring Boot default in dev, PostgreSQL in prod", () => {
  const report = audit(makeSnapshot(fixtureFiles("inventory")), null, new Date("2025-06-01T12:00:00Z"));
  const dbEngine = report.findings.filter((finding) => finding.check === "db-engine");

  it("flags the dev database with evidence at the pom.xml dependency line", () => {
    const dev = dbEngine.find((finding) => finding.environments?.includes("dev"));
    expect(dev).toMatchObject({
      severity: "high",
      message: "H2 in dev and test, PostgreSQL in prod",
      service: "database:postgres",
      environments: ["dev", "test", "prod"],
    });
    expect(dev?.evidence).toEqual([
      {
        environment: "dev",
        file: "pom.xml",
        line: H2_LINE,
        value: "dependency com.h2database:h2 (Spring Boot embedded default: no spring.datasource.url)",
      },
      {
        environment: "test",
        file: "pom.xml",
        line: H2_LINE,
        value: "dependency com.h2database:h2 (Spring Boot embedded default: no spring.datasource.url)",
      },
      {
        environment: "prod",
        file: `${MAIN}/application-prod.yml`,
        line: 3,
        value: expect.stringContaining("jdbc:postgresql://"),
      },
    ]);
    expect(report.checks.find((check) => check.id === "db-engine")?.status).toBe("fail");
  });

  it("flags tests on H2 too, in the same finding, and puts the fact in the inventory", () => {
    expect(dbEngine.map((finding) => finding.environments)).toEqual([["dev", "test", "prod"]]);
    expect(
      report.inventory
        .filter((use) => use.file === "pom.xml" && use.kind === "database")
        .map((use) => [use.environment, use.engine]),
    ).toEqual([
      ["dev", "h2"],
      ["test", "h2"],
    ]);
  });
});
