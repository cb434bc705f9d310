"use client";

import { useId, useState } from "react";
import { FixDiff } from "./fix-diff";

/**
 * "Show the change": a button rather than a nested <details>, so the finding's own disclosure
 * stays the only summary in its item (and keyboard users get a plain button with aria-expanded).
 */
export function FixChangeToggle({ diff, label }: { diff: string; label: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="space-y-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="text-sm underline underline-offset-2"
      >
        {open ? "Hide the change" : "Show the change"}
      </button>
      <div id={id} hidden={!open}>
        {open ? <FixDiff diff={diff} label={label} /> : null}
      </div>
    </div>
  );
}
