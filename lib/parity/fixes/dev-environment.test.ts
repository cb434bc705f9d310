import { describe, it } from "vitest";
import { expectFix, type FixCase, PROD_TF } from "./__tests__/support";

const CASES: FixCase[] = [
  {
    name: "no dev environment: a compose.yaml with prod's database at prod's version",
    files: { "infra/db.tf": PROD_TF, "README.md": "# Shop\n" },
    check: "dev-environment",
    changes: {
      "compose.yaml": [
        "",
        [
          "# Dev services at prod's engines and versions (parity fix): docker compose up -d",
          "services:",
          "  postgres:",
          "    image: postgres:16",
          "    environment:",
          "      POSTGRES_USER: postgres",
          "      POSTGRES_PASSWORD: postgres",
          "      POSTGRES_DB: app",
          "    ports:",
          '      - "5432:5432"',
          "    healthcheck:",
          '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
          "      interval: 5s",
          "      retries: 10",
          "",
        ].join("\n"),
      ],
    },
  },
  {
    name: "prod names no version: no plan (a dev container would float)",
    files: { "infra/db.tf": 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n' },
    check: "dev-environment",
    reason: /would float/,
  },
];

describe("dev-environment fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
