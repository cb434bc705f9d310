/** acme/billing: Spring Boot with H2 in the default profile, MySQL in the prod profile. */
export const billingFiles: Record<string, string> = {
  "pom.xml": `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.2</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>billing</artifactId>
  <version>1.8.0</version>
  <properties>
    <java.version>21</java.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-jpa</artifactId>
    </dependency>
    <dependency>
      <groupId>com.h2database</groupId>
      <artifactId>h2</artifactId>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>com.mysql</groupId>
      <artifactId>mysql-connector-j</artifactId>
      <scope>runtime</scope>
    </dependency>
  </dependencies>
</project>
`,
  "src/main/resources/application.yml": `spring:
  datasource:
    url: jdbc:h2:mem:billing
    username: sa
  jpa:
    hibernate:
      ddl-auto: update
  cache:
    type: simple
`,
  "src/main/resources/application-prod.yml": `spring:
  datasource:
    url: jdbc:mysql://billing-db.internal:3306/billing
    username: billing
    password: \${BILLING_DB_PASSWORD}
  cache:
    type: redis
  data:
    redis:
      host: billing-cache.internal
`,
  ".github/workflows/build.yml": `name: Build
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-java@v4
        with:
          distribution: temurin
          java-version: "21"
      - run: ./mvnw -B verify
`,
  Dockerfile: `FROM eclipse-temurin:21-jre
COPY target/billing.jar /app/billing.jar
ENTRYPOINT ["java", "-jar", "/app/billing.jar"]
`,
  "src/main/java/com/acme/billing/BillingApplication.java": `package com.acme.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BillingApplication {
  public static void main(String[] args) {
    SpringApplication.run(BillingApplication.class, args);
  }
}
`,
};

/** acme/brand-assets: no environment definitions at all. */
export const brandAssetsFiles: Record<string, string> = {
  "README.md": "# Brand assets\n\nLogos, colours and type for Acme. Nothing here runs.\n",
  "colors.md": "| name | hex |\n|---|---|\n| acme red | #d7263d |\n| night | #1b1b1e |\n",
  "logos/acme.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#d7263d"/></svg>\n`,
  LICENSE: "All rights reserved, Acme Corp.\n",
};
