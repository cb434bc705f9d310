import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Sparkline, trendLabel } from "./sparkline";

describe("the overview's sparkline", () => {
  it("draws one line through the audited weeks' scores and rings the latest", () => {
    const markup = renderToStaticMarkup(createElement(Sparkline, { values: [40, 60, 80], label: "trend" }));
    expect(markup.match(/<path /g)).toHaveLength(1);
    expect(markup).toContain('d="M0.0,14.0L48.0,10.0L96.0,6.0"');
    expect(markup).toContain('cx="96"');
  });

  it("says there is no history before the first audited week", () => {
    expect(renderToStaticMarkup(createElement(Sparkline, { values: [], label: "trend" }))).toContain("no history");
    expect(trendLabel([])).toBe("No score history");
  });

  it("counts the weeks it has, which are the audited ones", () => {
    expect(trendLabel([40, 55, 61])).toBe("Score over 3 audited weeks: 40 to 61, up 21");
    expect(trendLabel([70])).toBe("Score over 1 audited week: 70 to 70, unchanged");
  });
});
