import { describe, it } from "vitest";
import { expectFix, type FixCase, PROD_TF } from "./__tests__/support";

const workflow = (services: string) => `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
${services}    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

const CASES: FixCase[] = [
  {
    name: "a CI service container moves to prod's major",
    files: {
      ".github/workflows/ci.yml": workflow(
        "    services:\n      postgres:\n        image: 'postgres:14'   # CI database\n        env:\n          POSTGRES_PASSWORD: postgres\n",
      ),
      "infra/db.tf": PROD_TF,
      "package.json": '{"scripts":{"test":"vitest"}}',
      "src/app.test.ts": "",
    },
    check: "ci-services",
    changes: { ".github/workflows/ci.yml": ["'postgres:14'", "'postgres:16'"] },
  },
  {
    name: "a job container image moves too",
    files: {
      ".github/workflows/ci.yml": workflow(
        "    services:\n      db:\n        image: postgres:12-alpine\n        options: --health-cmd pg_isready\n",
      ),
      "infra/db.tf": PROD_TF,
      "src/app.test.ts": "",
    },
    check: "ci-services",
    changes: { ".github/workflows/ci.yml": ["postgres:12-alpine", "postgres:16-alpine"] },
  },
  {
    name: "a test job with no database gets a services block before its steps, and the URL the env sample names",
    files: {
      ".github/workflows/ci.yml": workflow(""),
      "infra/db.tf": PROD_TF,
      "src/app.test.ts": "",
      ".env.example": "DATABASE_URL=postgres://localhost/app\n",
    },
    check: "ci-services",
    changes: {
      ".github/workflows/ci.yml": [
        "    steps:",
        [
          "    services:",
          "      postgres:",
          "        image: postgres:16",
          "        env:",
          "          POSTGRES_USER: postgres",
          "          POSTGRES_PASSWORD: postgres",
          "          POSTGRES_DB: app",
          "        ports:",
          "          - 5432:5432",
          "        options: >-",
          '          --health-cmd "pg_isready -U postgres"',
          "          --health-interval 5s --health-timeout 5s --health-retries 10",
          "    env:",
          "      DATABASE_URL: postgres://postgres:postgres@localhost:5432/app",
          "    steps:",
        ].join("\n"),
      ],
    },
  },
  {
    name: "a job that starts Redis already: prod's database joins its services",
    files: {
      ".github/workflows/ci.yml": workflow("    services:\n      redis:\n        image: redis:7\n"),
      "infra/db.tf": PROD_TF,
      "src/app.test.ts": "",
    },
    check: "ci-services",
    changes: {
      ".github/workflows/ci.yml": [
        "        image: redis:7\n",
        [
          "        image: redis:7",
          "      postgres:",
          "        image: postgres:16",
          "        env:",
          "          POSTGRES_USER: postgres",
          "          POSTGRES_PASSWORD: postgres",
          "          POSTGRES_DB: app",
          "        ports:",
          "          - 5432:5432",
          "        options: >-",
          '          --health-cmd "pg_isready -U postgres"',
          "          --health-interval 5s --health-timeout 5s --health-retries 10",
          "",
        ].join("\n"),
      ],
    },
  },
  {
    name: "a job that already has a container is left to a person",
    files: {
      ".github/workflows/ci.yml": workflow("    container: node:20\n"),
      "infra/db.tf": PROD_TF,
      "src/app.test.ts": "",
    },
    check: "ci-services",
    reason: /runs in a container/,
  },
  {
    name: "prod on a cloud database engine with no template gets no plan",
    files: {
      ".github/workflows/ci.yml": workflow(""),
      "infra/db.tf": 'resource "aws_dynamodb_table" "main" {\n  name = "app"\n}\n',
      "src/app.test.ts": "",
    },
    check: "ci-services",
    reason: /no CI service template/,
  },
];

describe("ci-services fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});

describe("ci-services with test doubles", () => {
  it("offers no service block when the tests mock the database client", () =>
    expectFix({
      name: "doubles",
      files: {
        ".github/workflows/ci.yml": workflow(""),
        "infra/db.tf": PROD_TF,
        "package.json": '{"devDependencies":{"jest-mock-extended":"3"}}',
        "src/orders.service.spec.ts":
          'import { mockDeep } from "jest-mock-extended";\nimport { PrismaClient } from "@prisma/client";\nconst prisma = mockDeep<PrismaClient>();\n',
      },
      check: "ci-services",
      reason: /test double/,
    }));
});
