"use client";

import { CircleHelp } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { SCORING_DOC } from "./score-explained";

/**
 * A short explanation behind a small "?" button, in place beside the number it explains: a
 * disclosure button (`aria-expanded`, `aria-controls`) that opens by keyboard, touch and mouse;
 * Escape or a click elsewhere closes it and focus stays on the button. The panel ends with a link
 * to the full rules.
 */
export function InfoTip({
  label,
  children,
  align = "right",
}: {
  /** What the button says to assistive technology ("How the overall score is made"). */
  label: string;
  children: ReactNode;
  /** Which edge of the button the panel lines up with on a wide screen (on a phone it spans the screen). */
  align?: "left" | "right";
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return (
    <span ref={root} className="relative inline-block align-middle text-left">
      <button
        type="button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex rounded-full p-0.5 text-neutral-500 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100"
      >
        <CircleHelp className="size-3.5" aria-hidden />
      </button>
      <span
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-20 mt-1 block w-72 max-w-[calc(100vw-2rem)] space-y-1.5 max-sm:fixed max-sm:inset-x-4 max-sm:w-auto max-sm:max-w-none rounded-md border border-neutral-200 bg-white p-3 text-xs font-normal leading-relaxed text-neutral-800 shadow-lg dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 ${
          align === "right" ? "right-0" : "left-0"
        }`}
      >
        {children}
        <span className="block">
          <a href={SCORING_DOC} className="font-medium underline underline-offset-2">
            How scores are made (docs/scoring.md)
          </a>
        </span>
      </span>
    </span>
  );
}
