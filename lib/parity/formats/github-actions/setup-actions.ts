/** Setup actions that install a language runtime, and the inputs that name its version. */
export interface SetupAction {
  engine: string;
  versionInput: string;
  fileInput?: string;
  /** File read when neither input is given (setup-ruby reads `.ruby-version`). */
  defaultFiles?: readonly string[];
}

const SETUP_ACTIONS: Record<string, SetupAction> = {
  "actions/setup-node": { engine: "node", versionInput: "node-version", fileInput: "node-version-file" },
  "actions/setup-python": { engine: "python", versionInput: "python-version", fileInput: "python-version-file" },
  "actions/setup-go": { engine: "go", versionInput: "go-version", fileInput: "go-version-file" },
  "actions/setup-java": { engine: "java", versionInput: "java-version", fileInput: "java-version-file" },
  "actions/setup-dotnet": { engine: "dotnet", versionInput: "dotnet-version", fileInput: "global-json-file" },
  "actions/setup-ruby": { engine: "ruby", versionInput: "ruby-version" },
  "ruby/setup-ruby": {
    engine: "ruby",
    versionInput: "ruby-version",
    defaultFiles: [".ruby-version", ".tool-versions"],
  },
  "shivammathur/setup-php": { engine: "php", versionInput: "php-version", fileInput: "php-version-file" },
  "oven-sh/setup-bun": { engine: "bun", versionInput: "bun-version", fileInput: "bun-version-file" },
  "denoland/setup-deno": { engine: "deno", versionInput: "deno-version", fileInput: "deno-version-file" },
  "erlef/setup-beam": { engine: "elixir", versionInput: "elixir-version" },
};

/** `actions/setup-node@v4` -> its runtime; package-manager setups (pnpm) are not runtimes. */
export function setupActionOf(uses: string): SetupAction | null {
  return SETUP_ACTIONS[actionName(uses)] ?? null;
}

/** `Owner/Action@v4` -> `owner/action`: sliced, not split (asked for every step, twice). */
export function actionName(uses: string): string {
  const at = uses.indexOf("@");
  return (at < 0 ? uses : uses.slice(0, at)).toLowerCase();
}

/** Files setup actions may read, for the format's `reads`. */
export const VERSION_FILE_GLOBS = [
  "**/.nvmrc",
  "**/.node-version",
  "**/.python-version",
  "**/.ruby-version",
  "**/.tool-versions",
  "**/go.mod",
  "**/package.json",
  "**/.bun-version",
] as const;
