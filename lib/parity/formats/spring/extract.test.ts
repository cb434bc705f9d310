// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Spring placeholders are ${VAR:default} strings
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFixtureTree } from "../../__tests__/support";
import type { ExtractContext, ExtractedUse } from "../../types";
import { springFormat as spring } from "./index";

const FIXTURES = join(__dirname, "__fixtures__");

function project(name: string, extra: Record<string, string> = {}) {
  const root = join(FIXTURES, name);
  const files = readFixtureTree(root);
  for (const [path, content] of Object.entries(extra)) files.set(path, content);
  const ctx: ExtractContext = { paths: [...files.keys()], readFile: (path) => files.get(path) };
  return { ctx, files, run: (path: string) => spring.extract({ path, content: files.get(path) ?? "" }, ctx) };
}

function facts(uses: ExtractedUse[]) {
  return uses.map((u) => [u.environment, u.kind, u.engine, u.version, u.line, u.via]);
}

const MAIN = "src/main/resources/";

describe("spring orders app: H2 by default, a postgres profile activated in Kubernetes", () => {
  const orders = project("orders");

  it("places the default profile in dev and in each profile's environment that does not override it", () => {
    const { uses, problems } = orders.run(`${MAIN}application.yml`);
    expect(problems).toEqual([]);
    expect(facts(uses)).toEqual([
      // test is absent: src/test/resources/application.properties shadows application.yml.
      ["dev", "database", "h2", null, 5, "default"],
      ["dev", "cache", "in-memory", null, 11, "setting"],
      ["staging", "cache", "in-memory", null, 11, "setting"],
      ["staging", "database", "postgres", null, 21, "url"],
      ["staging", "broker", "kafka", null, 23, "setting"],
    ]);
    expect(uses[0]?.raw).toBe("spring.datasource.url: ${DB_URL:jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1}");
  });

  it("places the postgres profile in prod because k8s activates it", () => {
    const { uses } = orders.run(`${MAIN}application-postgres.properties`);
    expect(facts(uses)).toEqual([
      ["prod", "database", "postgres", null, 2, "url"],
      ["prod", "cache", "redis", null, 5, "setting"],
      ["prod", "cache", "redis", null, 6, "setting"],
      ["prod", "broker", "rabbitmq", null, 8, "setting"],
    ]);
    expect(uses[0]?.name).toBe("profile postgres");
  });

  it("reads test resources as test, with the Testcontainers JDBC URL's version", () => {
    const { uses } = orders.run("src/test/resources/application.properties");
    expect(facts(uses)).toEqual([
      ["test", "database", "postgres", "16", 1, "url"],
      ["test", "cache", "in-memory", null, 2, "setting"],
    ]);
  });

  it("reads nothing from a profile nothing activates (an option the app offers, not an environment's)", () => {
    // Before: its uses went unplaced and so landed in dev, where the default profile really runs.
    const other = project("orders", { "k8s/deployment.yaml": "kind: Deployment\n" });
    const { uses } = other.run(`${MAIN}application-postgres.properties`);
    expect(uses).toEqual([]);
  });
});

describe("spring values", () => {
  const ctx: ExtractContext = { paths: [], readFile: () => undefined };
  it.each([
    ["spring.datasource.url=jdbc:h2:mem:testdb", "h2", "url"],
    ["spring.datasource.url=${JDBC_URL:jdbc:mysql://localhost:3306/app}", "mysql", "default"],
    ["spring.r2dbc.url=r2dbc:postgresql://db:5432/app", "postgres", "url"],
    ["spring.datasource.url=jdbc:postgresql://app:s3cret@db/app", "postgres", "url"],
  ])("reads %s", (line, engine, via) => {
    const { uses } = spring.extract({ path: `${MAIN}application-prod.properties`, content: `${line}\n` }, ctx);
    expect(facts(uses)).toEqual([["prod", "database", engine, null, 1, via]]);
    expect(uses[0]?.raw).not.toContain("s3cret");
  });

  it("ignores a datasource URL that is only a variable", () => {
    const content = "spring.datasource.url=${DATABASE_URL}\n";
    expect(spring.extract({ path: `${MAIN}application-prod.properties`, content }, ctx).uses).toEqual([]);
  });

  it("reads properties documents activated per profile", () => {
    const content = [
      "spring.cache.type=simple",
      "#---",
      "spring.config.activate.on-profile=production",
      "spring.cache.type=redis",
    ].join("\n");
    const { uses } = spring.extract({ path: `${MAIN}application.properties`, content }, ctx);
    expect(facts(uses)).toEqual([
      ["dev", "cache", "in-memory", null, 1, "setting"],
      ["test", "cache", "in-memory", null, 1, "setting"],
      ["prod", "cache", "redis", null, 4, "setting"],
    ]);
  });

  it("reports invalid YAML with its line", () => {
    const { problems } = spring.extract({ path: `${MAIN}application.yml`, content: "spring:\n  datasource: [\n" }, ctx);
    expect(problems[0]).toMatchObject({ type: "parse-error" });
  });
});

describe("spring storefront: config/ location and build metadata", () => {
  const storefront = project("storefront");

  it("reads profile files under classpath:/config/", () => {
    expect(facts(storefront.run(`${MAIN}config/application-dev.yml`).uses)).toEqual([
      ["dev", "database", "h2", null, 3, "url"],
    ]);
    expect(facts(storefront.run(`${MAIN}config/application-prod.yml`).uses)).toEqual([
      ["prod", "database", "postgres", null, 3, "url"],
    ]);
  });

  it("reads classpath:/ and classpath:/config/ as one set: config/application.yml activates the root's demo profile", () => {
    expect(facts(storefront.run(`${MAIN}application-demo.properties`).uses)).toEqual([
      ["dev", "database", "h2", null, 1, "url"],
    ]);
  });

  it("reads java.version, the jib base image and the frontend plugin's Node as prod runtime facts", () => {
    const { uses } = storefront.run("pom.xml");
    expect(facts(uses)).toEqual([
      ["prod", "runtime", "java", "21", 8, "setting"],
      ["prod", "runtime", "node", "22", 9, "setting"],
      ["prod", "runtime", "java", "21", 10, "image"],
    ]);
    expect(uses[2]?.raw).toBe("jib base image eclipse-temurin:21-jre-jammy");
  });
});
