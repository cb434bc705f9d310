import { describe, expect, it } from "vitest";
import { isClientAbort, quietClientAborts } from "./client-aborts";

function abort(): Error {
  return Object.assign(new Error("aborted"), { code: "ECONNRESET" });
}

describe("a client's aborted upload is not logged as a server error", () => {
  it("drops exactly Node's mid-body abort and passes every other error through", () => {
    const printed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void printed.push(args) };
    quietClientAborts(target);
    quietClientAborts(target); // once, however often the server starts
    target.error(abort());
    target.error("⨯", abort());
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    const other = Object.assign(new Error("aborted"), { code: "ERR_OTHER" });
    target.error(reset);
    target.error(other);
    target.error("plain text");
    expect(printed).toEqual([[reset], [other], ["plain text"]]);
    expect(isClientAbort(abort())).toBe(true);
    expect(isClientAbort({ message: "aborted", code: "ECONNRESET" })).toBe(false);
  });
});
