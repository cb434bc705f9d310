/**
 * GitHub Actions workflow commands (`::warning file=…,line=…::message`) and the files a step
 * writes for the runner (outputs, job summary). Escaping follows the runner's own rules
 * (actions/toolkit `command.ts`): data escapes `%`, CR and LF; properties also `:` and `,`.
 */

export type AnnotationLevel = "error" | "warning" | "notice";

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function annotation(
  level: AnnotationLevel,
  where: { file: string; line: number; title: string },
  message: string,
): string {
  const properties = `file=${escapeProperty(where.file)},line=${where.line},title=${escapeProperty(where.title)}`;
  return `::${level} ${properties}::${escapeData(message)}`;
}

/**
 * `name=value` lines for `$GITHUB_OUTPUT`; a value with a line break uses the heredoc form with a
 * delimiter that cannot occur in it.
 */
export function outputLines(outputs: Readonly<Record<string, string>>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
      let delimiter = "PARITY_EOF";
      while (value.includes(delimiter)) delimiter += "_";
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join("");
}
