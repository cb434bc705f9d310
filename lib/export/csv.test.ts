import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("acme/storefront")).toBe("acme/storefront");
    expect(csvCell(87)).toBe("87");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("SQLite in dev, PostgreSQL 16 in prod")).toBe('"SQLite in dev, PostgreSQL 16 in prod"');
    expect(csvCell('image: "postgres:16"')).toBe('"image: ""postgres:16"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("turns would-be formulas into text", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // A leading CR is guarded and then quoted.
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    // Only the first character matters.
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["repository", "score"],
        [
          ["acme/a", 90],
          ["acme/b, c", null],
        ],
      ),
    ).toBe('repository,score\r\nacme/a,90\r\n"acme/b, c",\r\n');
  });

  it("round-trips through a strict parser", () => {
    const cells = ['he said "hi", then left', "=1+2", "multi\nline", "-", ""];
    const parsed = parseCsv(toCsv(["a", "b", "c", "d", "e"], [cells]));
    expect(parsed[1]).toEqual(['he said "hi", then left', "'=1+2", "multi\nline", "'-", ""]);
  });
});

/** A small RFC 4180 reader, only for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += char;
  }
  return rows;
}
