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
    name: "CI with no database gets no plan, with the reason",
    files: { ".github/workflows/ci.yml": workflow(""), "infra/db.tf": PROD_TF, "src/app.test.ts": "" },
    check: "ci-services",
    reason: /adding a service block/,
  },
];

describe("ci-services fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
