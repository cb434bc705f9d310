"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, Clock, Copy, EyeOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { SuppressionView } from "@/lib/suppressions/status";
import { actionButtonClass as buttonClass, postToRepository } from "./repository-api";

type Kind = SuppressionView["kind"];

async function requestSuppression(
  owner: string,
  name: string,
  body: { fingerprint: string; kind: Kind; reason: string; pullRequest: boolean },
): Promise<SuppressionView> {
  const answer = await postToRepository({ owner, name }, "suppressions", body, "The suppression could not be prepared");
  return (answer as { suppression: SuppressionView }).suppression;
}

/**
 * Suppress or accept one open finding with a reason. Parity does not hide it itself: it answers
 * the `.parity.yml` lines to commit, and the finding shows "suppression pending" until an audit
 * reads them (docs/parity-model.md §5).
 */
export function SuppressFinding({
  owner,
  name,
  fingerprint,
  pending: initial,
  pullRequestsOffered = false,
}: {
  owner: string;
  name: string;
  fingerprint: string;
  pending: SuppressionView | null;
  /** The Parity GitHub App is installed on the repository: it can open the pull request. */
  pullRequestsOffered?: boolean;
}) {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("suppress");
  const [reason, setReason] = useState("");
  const [pullRequest, setPullRequest] = useState(pullRequestsOffered);
  const [pending, setPending] = useState<SuppressionView | null>(initial);
  const mutation = useMutation({
    mutationFn: () => requestSuppression(owner, name, { fingerprint, kind, reason, pullRequest }),
    onSuccess: (view) => {
      setPending(view);
      setOpen(false);
      router.refresh();
    },
  });

  if (pending) return <PendingSuppression view={pending} onChange={() => setPending(null)} />;

  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
      >
        <EyeOff className="size-3.5" aria-hidden />
        Suppress or accept…
      </button>
      {open ? (
        <form
          id={formId}
          className="max-w-xl space-y-3 rounded-md border border-neutral-200 p-3 dark:border-neutral-800"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate();
          }}
        >
          <fieldset className="space-y-1.5">
            <legend className="mb-1 font-medium">This finding is</legend>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name={`${formId}-kind`}
                value="suppress"
                checked={kind === "suppress"}
                onChange={() => setKind("suppress")}
                className="mt-1"
              />
              <span>not a problem in this repository (suppress)</span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name={`${formId}-kind`}
                value="accept"
                checked={kind === "accept"}
                onChange={() => setKind("accept")}
                className="mt-1"
              />
              <span>a real difference the team accepts for now (accept the risk)</span>
            </label>
          </fieldset>
          <label className="block space-y-1">
            <span className="font-medium">Reason</span>
            <span className="block text-xs text-neutral-600 dark:text-neutral-400">
              Written into .parity.yml beside the suppression, for whoever reads it next.
            </span>
            <textarea
              required
              maxLength={500}
              rows={2}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              className="block w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-950"
            />
          </label>
          {pullRequestsOffered ? (
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                checked={pullRequest}
                onChange={(event) => setPullRequest(event.target.checked)}
                className="mt-1"
              />
              <span>Open a pull request that adds them (the Parity GitHub App is installed here)</span>
            </label>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className={buttonClass} disabled={mutation.isPending || reason.trim() === ""}>
              {mutation.isPending ? "Preparing…" : "Get the .parity.yml lines"}
            </button>
            <button type="button" className="text-sm underline underline-offset-2" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          {mutation.isError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {mutation.error.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function PendingSuppression({ view, onChange }: { view: SuppressionView; onChange: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="max-w-xl space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="flex items-center gap-1.5 font-medium">
        <Clock className="size-4" aria-hidden />
        {view.kind === "accept" ? "Accepted risk" : "Suppression"} pending until {view.file} lands
      </p>
      <p className="text-xs">
        Commit these lines to {view.file} at the repository root (add the entry to an existing{" "}
        <code className="font-mono">suppress:</code> list). The next audit reads them and the finding leaves the score.
        {view.requestedBy ? ` Asked by ${view.requestedBy}.` : ""}
      </p>
      {/* Wrapped rather than scrolled: nothing to reach by keyboard, and a soft wrap is not copied. */}
      <pre className="whitespace-pre-wrap break-words rounded bg-white p-2 font-mono text-xs text-neutral-900 dark:bg-neutral-950 dark:text-neutral-100">
        {view.lines}
      </pre>
      {view.pullRequestUrl ? (
        <p className="text-xs">
          Pull request:{" "}
          <a href={view.pullRequestUrl} target="_blank" rel="noreferrer" className="underline underline-offset-2">
            {view.pullRequestUrl}
          </a>
        </p>
      ) : null}
      {view.pullRequestError ? <p className="text-xs">No pull request: {view.pullRequestError}</p> : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() => {
            void navigator.clipboard?.writeText(view.lines).then(() => setCopied(true));
          }}
        >
          {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
          {copied ? "Copied" : "Copy the lines"}
        </button>
        <button type="button" className="text-xs underline underline-offset-2" onClick={onChange}>
          Change the reason
        </button>
      </div>
    </div>
  );
}
