import Link from "next/link";
import { NavLinks } from "./nav-links";
import { type HeaderSession, SessionStatus } from "./session-status";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader({ session }: { session: HeaderSession }) {
  return (
    <header className="border-b border-neutral-200 dark:border-neutral-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <ParityMark />
          Parity
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-3">
          <SessionStatus session={session} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}

function ParityMark() {
  return (
    <svg viewBox="0 0 32 32" className="size-6" aria-hidden>
      <rect width="32" height="32" rx="7" className="fill-neutral-900 dark:fill-neutral-100" />
      <path
        d="M9 12h14M9 20h14"
        strokeWidth="3"
        strokeLinecap="round"
        className="stroke-white dark:stroke-neutral-900"
      />
    </svg>
  );
}
