/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, a quote, CR or LF, quotes doubled inside. Text that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or CR: OWASP's CSV injection list) gets a
 * leading `'`, so a finding message or repository name written by someone else stays text.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell made safe to open in a spreadsheet, then quoted if it needs to be. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are ours, never repository text: written as they are (a score is never
  // negative, but a number would stay a number either way).
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and the rows, each a list of cells in the header's order. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n")
    .concat("\r\n");
}
