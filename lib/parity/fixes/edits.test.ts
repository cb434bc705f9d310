import { describe, expect, it } from "vitest";
import { applyEdits, lineSpan, StaleEditError } from "./edits";
import type { TextEdit } from "./types";

const files = new Map([["compose.yaml", "services:\r\n  db:\r\n    image: postgres:14\r\n"]]);
const at = (files.get("compose.yaml") ?? "").indexOf("postgres:14");
const edit: TextEdit = { file: "compose.yaml", start: at, end: at + 11, before: "postgres:14", after: "postgres:16" };

describe("edits", () => {
  it("finds a line without its CRLF ending", () => {
    const content = files.get("compose.yaml") ?? "";
    const span = lineSpan(content, 3);
    expect(span && content.slice(span.start, span.end)).toBe("    image: postgres:14");
    expect(lineSpan(content, 9)).toBeNull();
  });

  it("applies an edit and leaves everything else as it was", () => {
    expect(applyEdits(files, [edit]).get("compose.yaml")).toBe("services:\r\n  db:\r\n    image: postgres:16\r\n");
  });

  it("is idempotent, also for an edit that extends its own text", () => {
    const once = applyEdits(files, [edit]);
    expect(applyEdits(once, [edit])).toEqual(once);
    const pin: TextEdit = { file: "f", start: 7, end: 12, before: "redis", after: "redis:7" };
    const pinned = applyEdits(new Map([["f", "image: redis\n"]]), [pin]);
    expect(pinned.get("f")).toBe("image: redis:7\n");
    expect(applyEdits(pinned, [pin])).toEqual(pinned);
  });

  it("refuses a file that changed since the plan, and edits that disagree on one range", () => {
    expect(() => applyEdits(new Map([["compose.yaml", "other"]]), [edit])).toThrow(StaleEditError);
    expect(() => applyEdits(files, [edit, { ...edit, start: at + 4, before: "gres:14", after: "x" }])).toThrow(
      StaleEditError,
    );
  });

  it("applies one edit once when two plans carry it", () => {
    expect(applyEdits(files, [edit, { ...edit }]).get("compose.yaml")).toContain("postgres:16\r\n");
  });
});

describe("edits of one file that change its length", () => {
  it("apply against the original offsets, and again on the result without change", () => {
    const content = "a: redis:latest\nb: postgres:13.4\n";
    const first = content.indexOf("redis:latest");
    const second = content.indexOf("postgres:13.4");
    const edits: TextEdit[] = [
      { file: "f", start: first, end: first + 12, before: "redis:latest", after: "redis:7" },
      { file: "f", start: second, end: second + 13, before: "postgres:13.4", after: "postgres:16" },
    ];
    const once = applyEdits(new Map([["f", content]]), edits);
    expect(once.get("f")).toBe("a: redis:7\nb: postgres:16\n");
    expect(applyEdits(once, edits)).toEqual(once);
  });
});
