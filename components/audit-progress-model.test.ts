import { describe, expect, it } from "vitest";
import {
  type AuditProgressView,
  describeProgress,
  errorMessage,
  isFinished,
  isReady,
  progressFraction,
} from "./audit-progress-model";

function progress(partial: Partial<AuditProgressView>): AuditProgressView {
  return { status: "running", phase: "fetching", done: null, total: null, error: null, ...partial };
}

describe("audit progress", () => {
  it.each([
    [progress({ status: "queued", phase: "queued" }), "waiting for a worker", null, false, false],
    [progress({ done: 12, total: 40 }), "fetching files 12/40", 0.3, false, false],
    [progress({ phase: "auditing" }), "auditing", null, false, false],
    [
      progress({ status: "succeeded", phase: "done", history: { status: "running", done: 8, total: 26, error: null } }),
      "history 8/26 weeks",
      8 / 26,
      true,
      false,
    ],
    [
      progress({ status: "succeeded", phase: "done", history: { status: "done", done: 26, total: 26, error: null } }),
      "scorecard ready",
      1,
      true,
      true,
    ],
    [progress({ status: "failed", phase: "failed", error: "Not found" }), "audit failed", null, false, true],
  ] as const)("%j reads %s", (value, text, fraction, ready, finished) => {
    expect(describeProgress(value)).toBe(text);
    expect(progressFraction(value)).toBe(fraction);
    expect(isReady(value)).toBe(ready);
    expect(isFinished(value)).toBe(finished);
  });

  it.each([
    [
      { error: { code: "not_found", message: "acme/nope was not found on GitHub." } },
      "acme/nope was not found on GitHub.",
    ],
    [{ error: "Enter a repository." }, "Enter a repository."],
    [{ message: "bad" }, "bad"],
    [null, "fallback"],
  ])("reads the error of %j", (body, text) => {
    expect(errorMessage(body, "fallback")).toBe(text);
  });
});
