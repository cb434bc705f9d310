import { Download } from "lucide-react";

/**
 * "Export CSV · JSON": plain download links to an export route (docs/api.md), so they work
 * without JavaScript and carry the session cookie like any page request.
 */
export function ExportLinks({ href, what }: { href: string; what: string }) {
  const link =
    "rounded px-1 font-medium text-neutral-900 underline underline-offset-2 hover:text-neutral-600 dark:text-neutral-100 dark:hover:text-neutral-300";
  return (
    <p className="inline-flex items-center gap-1.5 text-sm text-neutral-600 dark:text-neutral-400">
      <Download className="size-4" aria-hidden />
      <span>Export</span>
      <a href={`${href}?format=csv`} download className={link} aria-label={`Export ${what} as CSV`}>
        CSV
      </a>
      <span aria-hidden>·</span>
      <a href={`${href}?format=json`} download className={link} aria-label={`Export ${what} as JSON`}>
        JSON
      </a>
    </p>
  );
}
