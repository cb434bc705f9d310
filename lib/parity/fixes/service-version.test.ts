import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { expectFix, type FixCase, PROD_TF } from "./__tests__/support";

const compose = (image: string, eol = "\n") =>
  [
    "# Local development",
    "services:",
    "  db:",
    `    image: ${image} # keep in step with RDS`,
    "    environment:",
    '      POSTGRES_PASSWORD: "dev"',
    "",
  ].join(eol);

/** A real Testcontainers test (the format's fixture): the image string, not the commented-out one. */
const TESTCONTAINERS = readFileSync(
  join(import.meta.dirname, "..", "formats", "testcontainers", "__fixtures__", "java", "OrderRepositoryIT.java"),
  "utf8",
);

const CASES: FixCase[] = [
  {
    name: "a Testcontainers image string in test code",
    files: { "src/test/java/shop/OrderRepositoryIT.java": TESTCONTAINERS, "infra/db.tf": PROD_TF },
    check: "service-version",
    changes: { "src/test/java/shop/OrderRepositoryIT.java": ['"postgres:15.6-alpine"', '"postgres:16-alpine"'] },
  },
  {
    name: "a Testcontainers declaration broken before its image string",
    files: {
      "src/test/java/shop/OrderRepositoryIT.java": TESTCONTAINERS.replace(
        'new PostgreSQLContainer<>("postgres:15.6-alpine")',
        'new PostgreSQLContainer<>(\n            "postgres:15.6-alpine")',
      ),
      "infra/db.tf": PROD_TF,
    },
    check: "service-version",
    changes: { "src/test/java/shop/OrderRepositoryIT.java": ['"postgres:15.6-alpine"', '"postgres:16-alpine"'] },
  },
  {
    name: "a compose image moves to prod's major, keeping its variant and comment",
    files: { "docker-compose.yml": compose("postgres:14-alpine"), "infra/db.tf": PROD_TF },
    check: "service-version",
    changes: { "docker-compose.yml": ["postgres:14-alpine", "postgres:16-alpine"] },
  },
  {
    name: "a quoted image with a registry and a minor keeps its quotes",
    files: { "compose.yaml": compose('"docker.io/library/postgres:13.4"'), "infra/db.tf": PROD_TF },
    check: "service-version",
    changes: { "compose.yaml": ["docker.io/library/postgres:13.4", "docker.io/library/postgres:16"] },
  },
  {
    name: "CRLF line endings stay",
    files: { "docker-compose.yml": compose("postgres:15-bookworm", "\r\n"), "infra/db.tf": PROD_TF },
    check: "service-version",
    changes: { "docker-compose.yml": ["postgres:15-bookworm", "postgres:16-bookworm"] },
  },
  {
    name: "a Helm values file that splits repository and tag: the tag changes",
    files: {
      "charts/app/values-dev.yaml": 'postgresql:\n  image:\n    repository: postgres\n    tag: "14"\n',
      "infra/db.tf": PROD_TF,
    },
    check: "service-version",
    changes: { "charts/app/values-dev.yaml": ['tag: "14"', 'tag: "16"'] },
  },
  {
    name: "a build-specific tag is not guessed",
    files: { "docker-compose.yml": compose("bitnami/postgresql:14.5.0-debian-11-r3"), "infra/db.tf": PROD_TF },
    check: "service-version",
    reason: /names one build/,
  },
  {
    name: "a tag set by a variable is changed where it is set, not here",
    files: { "docker-compose.yml": compose(`postgres:$${"{"}PG_VERSION:-14}`), "infra/db.tf": PROD_TF },
    check: "service-version",
    reason: /set by a variable/,
  },
];

describe("service-version fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
