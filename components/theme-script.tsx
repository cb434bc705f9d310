/**
 * Runs before first paint so the page never flashes the wrong theme: the saved choice wins,
 * else the system preference.
 */
const script = `(() => {
  try {
    const saved = localStorage.getItem("parity-theme");
    const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;

export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input.
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
