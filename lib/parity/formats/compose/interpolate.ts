/**
 * Compose variable interpolation: `${VAR}`, `$VAR`, `${VAR:-default}` (unset or empty),
 * `${VAR-default}` (unset), `${VAR:?err}`, `${VAR:+alt}`, `$$` for a literal `$`, nested
 * defaults (`${A:-${B:-16}}`).
 * https://docs.docker.com/reference/compose-file/interpolation/
 * A variable with no value and no default stays written as `${VAR}`: the catalog then reports
 * the version as unknown instead of guessing from an empty string.
 */
export function interpolate(input: string, env: ReadonlyMap<string, string>): string {
  let out = "";
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (char !== "$") {
      out += char;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      const end = closingBrace(input, i + 2);
      if (end < 0) {
        out += input.slice(i);
        break;
      }
      out += expand(input.slice(i + 2, end), env);
      i = end + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i + 1))?.[0];
    if (!name) {
      out += "$";
      i++;
      continue;
    }
    out += env.get(name) ?? `\${${name}}`;
    i += 1 + name.length;
  }
  return out;
}

function closingBrace(input: string, from: number): number {
  let depth = 1;
  for (let i = from; i < input.length; i++) {
    if (input[i] === "{") depth++;
    if (input[i] === "}") depth--;
    if (depth === 0) return i;
  }
  return -1;
}

function expand(body: string, env: ReadonlyMap<string, string>): string {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
  if (!match) return `\${${body}}`;
  const name = match[1] as string;
  const operator = match[2];
  const argument = match[3] ?? "";
  const value = env.get(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== "";
  switch (operator) {
    case ":-":
      return nonEmpty ? value : interpolate(argument, env);
    case "-":
      return set ? value : interpolate(argument, env);
    case ":+":
      return nonEmpty ? interpolate(argument, env) : "";
    case "+":
      return set ? interpolate(argument, env) : "";
    default:
      // `${VAR}`, `${VAR:?err}`, `${VAR?err}`: the value, or left unresolved.
      return set ? value : `\${${name}}`;
  }
}
