import { describe, it } from "vitest";
import { expectFix, type FixCase } from "./__tests__/support";

const PROD_K8S = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis:7.2.4
`;

const compose = (image: string) => `services:
  cache:
    image: ${image}
    ports: ["6379:6379"]
`;

const CASES: FixCase[] = [
  {
    name: "latest is pinned to prod's version",
    files: { "docker-compose.yml": compose("redis:latest"), "k8s/production/redis.yaml": PROD_K8S },
    check: "unpinned-image",
    changes: { "docker-compose.yml": ["redis:latest", "redis:7"] },
  },
  {
    name: "no tag gets prod's version",
    files: { "docker-compose.yml": compose("redis"), "k8s/production/redis.yaml": PROD_K8S },
    check: "unpinned-image",
    changes: { "docker-compose.yml": ["image: redis", "image: redis:7"] },
  },
  {
    name: "a bare variant keeps it",
    files: { "docker-compose.yml": compose("redis:alpine"), "k8s/production/redis.yaml": PROD_K8S },
    check: "unpinned-image",
    changes: { "docker-compose.yml": ["redis:alpine", "redis:7-alpine"] },
  },
  {
    name: "a major-only tag of a minor-versioned engine gets prod's minor, its variant kept",
    files: {
      "docker-compose.yml": "services:\n  mq:\n    image: rabbitmq:3-management\n",
      "infra/mq.tf": 'resource "aws_mq_broker" "mq" {\n  engine_type    = "RabbitMQ"\n  engine_version = "3.13"\n}\n',
    },
    check: "unpinned-image",
    changes: { "docker-compose.yml": ["rabbitmq:3-management", "rabbitmq:3.13-management"] },
  },
  {
    name: "prod names no version: no plan, and why",
    files: { "docker-compose.yml": compose("redis:latest") },
    check: "unpinned-image",
    reason: /cannot be known offline/,
  },
];

describe("unpinned-image fix plans", () => {
  for (const test of CASES) it(test.name, () => expectFix(test));
});
