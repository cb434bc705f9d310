import { describe, expect, it } from "vitest";
import { gradleDependencies, mavenDependencies } from "./build-dependencies";

const coordinates = (list: ReturnType<typeof mavenDependencies>) =>
  list.map((d) => [`${d.group}:${d.artifact}`, d.classpath, d.line]);

describe("mavenDependencies", () => {
  it("reads project dependencies with their artifactId line and scope", () => {
    const pom = [
      "<project>", // 1
      "  <dependencies>", // 2
      "    <dependency>", // 3
      "      <groupId>com.h2database</groupId>", // 4
      "      <artifactId>h2</artifactId>", // 5
      "      <scope>runtime</scope>", // 6
      "    </dependency>", // 7
      "    <dependency><groupId>org.hsqldb</groupId><artifactId>hsqldb</artifactId><scope>test</scope></dependency>", // 8
      "    <dependency>", // 9
      "      <groupId>org.postgresql</groupId>", // 10
      "      <artifactId>postgresql</artifactId>", // 11
      "      <optional/>", // 12
      "      <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>", // 13
      "    </dependency>", // 14
      "  </dependencies>", // 15
      "</project>", // 16
    ].join("\n");
    expect(coordinates(mavenDependencies(pom))).toEqual([
      ["com.h2database:h2", "runtime", 5],
      ["org.hsqldb:hsqldb", "test", 8],
      ["org.postgresql:postgresql", "runtime", 11],
    ]);
  });

  it("ignores comments, dependencyManagement, plugin and Maven-profile dependencies", () => {
    const pom = `<project>
  <dependencyManagement><dependencies><dependency>
    <groupId>com.h2database</groupId><artifactId>h2</artifactId><version>2.2.224</version>
  </dependency></dependencies></dependencyManagement>
  <dependencies>
    <!-- <dependency><groupId>org.apache.derby</groupId><artifactId>derby</artifactId></dependency> -->
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId><![CDATA[spring-boot-starter-jdbc]]></artifactId>
    </dependency>
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.jooq</groupId><artifactId>jooq-codegen-maven</artifactId>
    <dependencies><dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency></dependencies>
  </plugin></plugins></build>
  <profiles><profile><id>local</id><dependencies>
    <dependency><groupId>org.hsqldb</groupId><artifactId>hsqldb</artifactId></dependency>
  </dependencies></profile></profiles>
</project>`;
    expect(coordinates(mavenDependencies(pom))).toEqual([
      ["org.springframework.boot:spring-boot-starter-jdbc", "runtime", 9],
    ]);
  });

  it("survives an unterminated comment and stray closing tags", () => {
    const pom =
      "<project><dependencies></groupId><dependency><groupId>g</groupId><artifactId>a</artifactId></dependency><!-- x";
    expect(coordinates(mavenDependencies(pom))).toEqual([["g:a", "runtime", 1]]);
  });
});

describe("gradleDependencies", () => {
  it.each([
    ["runtimeOnly 'com.h2database:h2'", "runtime"],
    ['runtimeOnly("com.h2database:h2")', "runtime"],
    ['implementation "com.h2database:h2:2.2.224"', "runtime"],
    ["implementation group: 'com.h2database', name: 'h2', version: '2.2.224'", "runtime"],
    ['implementation(group = "com.h2database", name = "h2")', "runtime"],
    ['"runtimeOnly"("com.h2database:h2")', "runtime"],
    ["developmentOnly 'com.h2database:h2'", "development"],
    ["testRuntimeOnly 'com.h2database:h2'", "test"],
    ['testImplementation("com.h2database:h2")', "test"],
    ["integrationTestImplementation 'com.h2database:h2'", "test"],
    ["compileOnly 'com.h2database:h2'", "none"],
  ])("%s -> %s", (line, classpath) => {
    expect(gradleDependencies(`dependencies {\n    ${line}\n}\n`)).toEqual([
      { group: "com.h2database", artifact: "h2", classpath, line: 2 },
    ]);
  });

  it("skips comments but keeps URLs", () => {
    const script = [
      "repositories { maven { url 'https://repo.example.com/maven2' } }",
      "dependencies {",
      "  // runtimeOnly 'org.hsqldb:hsqldb'",
      "  /* runtimeOnly 'org.apache.derby:derby'",
      "  */ runtimeOnly 'com.h2database:h2' // local database",
      "}",
    ].join("\n");
    expect(gradleDependencies(script).map((d) => [d.artifact, d.line])).toEqual([["h2", 5]]);
  });
});
