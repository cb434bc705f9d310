"use client";

import { useMutation } from "@tanstack/react-query";
import { Unplug } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { errorMessage } from "../audit-progress-model";

type HistoryChoice = "keep" | "delete";

async function disconnect(owner: string, name: string, history: HistoryChoice): Promise<void> {
  const path = `/api/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}?history=${history}`;
  const response = await fetch(path, { method: "DELETE" });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new Error(errorMessage(body, `The repository could not be disconnected (HTTP ${response.status}).`));
  }
}

/**
 * Disconnect, confirmed in a dialog that asks what happens to the audit history: kept (hidden;
 * connecting the repository again brings it back) or deleted. Then back to the overview.
 */
export function DisconnectButton({ owner, name }: { owner: string; name: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [history, setHistory] = useState<HistoryChoice>("keep");
  const mutation = useMutation({
    mutationFn: () => disconnect(owner, name, history),
    onSuccess: () => {
      dialog.current?.close();
      router.push("/");
      router.refresh();
    },
  });
  const fullName = `${owner}/${name}`;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          mutation.reset();
          dialog.current?.showModal();
        }}
        className="inline-flex items-center gap-1.5 rounded-md border border-neutral-300 px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-neutral-700 dark:text-red-400 dark:hover:bg-red-950"
      >
        <Unplug className="size-3.5" aria-hidden />
        Disconnect
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-neutral-200 bg-white p-5 text-neutral-900 backdrop:bg-black/40 dark:border-neutral-800 dark:bg-neutral-950 dark:text-neutral-100"
      >
        <form
          method="dialog"
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate();
          }}
        >
          <h2 id={titleId} className="break-words text-lg font-semibold">
            Disconnect {fullName}?
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Parity stops auditing it and it leaves the overview. Nothing changes on GitHub.
          </p>
          <fieldset className="space-y-2 text-sm">
            <legend className="mb-1 font-medium">Its audit history</legend>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="history"
                value="keep"
                checked={history === "keep"}
                onChange={() => setHistory("keep")}
                className="mt-1"
              />
              <span>Keep its history: connecting it again brings the scores and trend back.</span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="history"
                value="delete"
                checked={history === "delete"}
                onChange={() => setHistory("delete")}
                className="mt-1"
              />
              <span>Delete its history: every audit, finding and trend point of it, for good.</span>
            </label>
          </fieldset>
          {mutation.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {mutation.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={mutation.isPending}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              {mutation.isPending ? "Disconnecting…" : "Disconnect"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
