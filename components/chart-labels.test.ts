import { describe, expect, it } from "vitest";
import { axisTop, lineEnds, spreadLabels } from "./chart-labels";

describe("direct labels", () => {
  it("label each line at its last point with a value", () => {
    const points = [
      { tools: 40, time: null },
      { tools: 50, time: 30 },
      { tools: 60, time: null },
    ];
    expect(lineEnds(points, ["tools", "time"])).toEqual([
      { key: "tools", index: 2, value: 60 },
      { key: "time", index: 1, value: 30 },
    ]);
    expect(lineEnds([{ tools: null }], ["tools"])).toEqual([]);
  });

  it("push apart labels of lines that end together, and keep them under the top", () => {
    const spread = spreadLabels(
      [
        { key: "tools", index: 5, value: 100 },
        { key: "time", index: 5, value: 100 },
        { key: "personnel", index: 5, value: 40 },
      ],
      8,
    );
    expect(spread.get("personnel")).toBe(40);
    expect(spread.get("tools")).toBe(92);
    expect(spread.get("time")).toBe(100);
  });
});

describe("axisTop", () => {
  it("rounds a count axis up to a number labels can be placed against", () => {
    expect(axisTop(0)).toBe(1);
    expect(axisTop(7)).toBe(10);
    expect(axisTop(11)).toBe(20);
    expect(axisTop(23)).toBe(25);
    expect(axisTop(240)).toBe(250);
  });
});
