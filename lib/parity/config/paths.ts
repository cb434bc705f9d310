/** Where a repository keeps its own Parity config, first match wins. */
export const CONFIG_PATHS = [".parity.yml", ".parity.yaml"] as const;
