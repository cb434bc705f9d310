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

  /** The BigInt implementation fnv1a64 replaced: stored fingerprints were made with it. */
  function reference(text: string): string {
    let hash = 0xcbf29ce484222325n;
    for (const byte of new TextEncoder().encode(text)) {
      hash ^= BigInt(byte);
      hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return hash.toString(16).padStart(16, "0");
  }

  it("gives the digits of the BigInt implementation on many strings, non-ASCII and lone surrogates too", () => {
    const pieces = [
      "a",
      "Z",
      "0",
      "\u0000",
      "\u007f",
      "\u0080",
      "é",
      "\u07ff",
      "\u0800",
      "€",
      "\uffff",
      "😀",
      "\ud800",
      "\udc00",
      "\udbff\udfff",
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const inputs = ["v1\u0000db-engine\u0000database:postgres\u0000dev,prod\u0000"];
    for (let i = 0; i < 5000; i++) {
      let text = "";
      const length = random(16);
      for (let j = 0; j < length; j++) {
        text += random(3) === 0 ? String.fromCharCode(random(0x10000)) : (pieces[random(pieces.length)] as string);
      }
      inputs.push(text);
    }
    for (const input of inputs) expect(fnv1a64(input), JSON.stringify(input)).toBe(reference(input));
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
