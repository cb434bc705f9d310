import type { ExtractContext, FormatFile } from "../../types";

/**
 * Test helper: a fixture directory (from `import.meta.glob(..., { query: "?raw" })`) seen as a
 * repository snapshot, with paths relative to that directory.
 */
export function fixtureRepo(
  files: Record<string, string>,
  dir: string,
): { file(path: string): FormatFile; ctx: ExtractContext } {
  const prefix = `./__fixtures__/${dir}/`;
  const contents = new Map(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, content]) => [path.slice(prefix.length), content]),
  );
  const ctx: ExtractContext = { paths: [...contents.keys()], readFile: (path) => contents.get(path) };
  return {
    ctx,
    file(path) {
      const content = contents.get(path);
      if (content === undefined) throw new Error(`fixture ${dir}/${path} is missing`);
      return { path, content };
    },
  };
}
