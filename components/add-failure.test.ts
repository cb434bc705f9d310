import { describe, expect, it } from "vitest";
import { addFailureSentence } from "./add-failure";
import { failureSentence } from "./audit-progress-model";

const api = (message: string) => ({ error: { code: "x", message } });

describe("what the add form says when adding fails", () => {
  it("keeps the API's own sentences about the name", () => {
    expect(addFailureSentence(400, api('"x" is not a repository: use owner/name.'))).toBe(
      '"x" is not a repository: use owner/name.',
    );
    expect(addFailureSentence(404, api("Repository acme/x was not found on GitHub."))).toBe(
      "Repository acme/x was not found on GitHub.",
    );
  });

  it("never shows a status code or a proxy's page", () => {
    const cases: [number, unknown][] = [
      [500, null],
      [502, "<html>Bad Gateway</html>"],
      [429, api("Too many requests")],
      [403, api("Cross-site requests are refused.")],
      [413, api("The body is larger than 16 kB; this route takes less.")],
      [418, null],
    ];
    for (const [status, body] of cases) {
      const sentence = addFailureSentence(status, body);
      expect(sentence).not.toMatch(/HTTP|\d{3}|<|Cross-site|kB/);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe("what a failed audit says", () => {
  it("is a sentence per stored code, with a fallback for codes it does not know", () => {
    expect(failureSentence("not_found")).toMatch(/did not find the repository/);
    expect(failureSentence("rate_limited")).toMatch(/rate limit/);
    expect(failureSentence(null)).toMatch(/server log/);
  });
});
