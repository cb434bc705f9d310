/**
 * Where a CI system reads its file: the repository root, or the root of the project a template
 * generates (a top-level `{{cookiecutter.project_slug}}` folder). Returns that root's prefix
 * (`""` or `"{{cookiecutter.project_slug}}"`), or null for a file CI would not read.
 */
export function ciRoot(path: string): string | null {
  const slash = path.indexOf("/");
  if (slash < 0) return "";
  const folder = path.slice(0, slash);
  return path.indexOf("/", slash + 1) < 0 && /^\{\{\s*cookiecutter\.\w+\s*\}\}$/.test(folder) ? folder : null;
}

/** A Jinja statement tag (`{% if %}`, `{%- endif %}`): the file is a template, not YAML yet. */
export const JINJA_TAG = /\{%-?\s/;
