import { describe, it } from "vitest";
import { expectFix, type FixCase, PROD_TF } from "./__tests__/support";

const PROD_REDIS_TF = `${PROD_TF}
resource "aws_elasticache_cluster" "cache" {
  engine         = "redis"
  engine_version = "7.1"
}
`;

const COMPOSE = `# Local development: docker compose up
services:
  db:
    image: postgres:16   # same as RDS
    environment:
      POSTGRES_PASSWORD: dev
`;

const CASES: FixCase[] = [
  {
    name: "prod's Redis is added to the dev compose file, its URL to .env.example",
    files: {
      "docker-compose.yml": COMPOSE,
      "infra/main.tf": PROD_REDIS_TF,
      ".env.example": "DATABASE_URL=postgres://postgres:dev@localhost:5432/app\n",
    },
    check: "service-missing-in-dev",
    changes: {
      "docker-compose.yml": [
        "POSTGRES_PASSWORD: dev\n",
        [
          "POSTGRES_PASSWORD: dev",
          "  redis:",
          "    image: redis:7",
          "    ports:",
          '      - "6379:6379"',
          "    healthcheck:",
          '      test: ["CMD-SHELL", "redis-cli ping"]',
          "      interval: 5s",
          "      retries: 10",
          "",
        ].join("\n"),
      ],
      ".env.example": ["5432/app\n", "5432/app\nREDIS_URL=redis://localhost:6379/0\n"],
    },
  },
  {
    name: "four-space indentation and CRLF are kept",
    files: {
      "docker-compose.yml": "services:\r\n    db:\r\n        image: postgres:16\r\n",
      "infra/main.tf": PROD_REDIS_TF,
    },
    check: "service-missing-in-dev",
    changes: {
      "docker-compose.yml": [
        "postgres:16\r\n",
        'postgres:16\r\n    redis:\r\n        image: redis:7\r\n        ports:\r\n            - "6379:6379"\r\n' +
          '        healthcheck:\r\n            test: ["CMD-SHELL", "redis-cli ping"]\r\n            interval: 5s\r\n            retries: 10\r\n',
      ],
    },
  },
  {
    name: "S3 needs an emulator pinned to a release: no plan, and which emulator",
    files: {
      "docker-compose.yml": COMPOSE,
      "infra/main.tf": `${PROD_TF}\nresource "aws_s3_bucket" "uploads" {\n  bucket = "uploads"\n}\n`,
    },
    check: "service-missing-in-dev",
    reason: /MinIO/,
  },
];

describe("service-missing-in-dev fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
