import { describe, expect, it } from "vitest";
import { fingerprint, fnv1a64 } from "./fingerprint";

describe("fnv1a64", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("matches the published FNV-1a 64 vector for %j", (input, expected) => {
    expect(fnv1a64(input)).toBe(expected);
  });
});

describe("fingerprint", () => {
  const base = { check: "db-engine", service: "database:postgres", environments: ["dev", "prod"] as const };

  it("is 16 hex digits and deterministic", () => {
    expect(fingerprint({ ...base, environments: [...base.environments] })).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ ...base, environments: [...base.environments] })).toBe(
      fingerprint({ ...base, environments: [...base.environments] }),
    );
  });

  it("ignores the order and repetition of environments", () => {
    expect(fingerprint({ ...base, environments: ["prod", "dev", "dev"] })).toBe(
      fingerprint({ ...base, environments: ["dev", "prod"] }),
    );
  });

  it.each([
    ["check", { ...base, check: "service-engine", environments: ["dev", "prod"] as const }],
    ["service", { ...base, service: "database:mysql", environments: ["dev", "prod"] as const }],
    ["environments", { ...base, environments: ["ci", "prod"] as const }],
    ["subject", { ...base, environments: ["dev", "prod"] as const, subject: "a.yml" }],
  ])("changes with the %s", (_part, other) => {
    expect(fingerprint({ ...other, environments: [...other.environments] })).not.toBe(
      fingerprint({ ...base, environments: [...base.environments] }),
    );
  });
});
