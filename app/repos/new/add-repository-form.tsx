"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useState } from "react";
import { addFailureSentence } from "@/components/add-failure";
import { AuditProgress } from "@/components/audit-progress";
import type { AuditProgressView } from "@/components/audit-progress-model";
import { parseRepositoryName } from "@/lib/repos/repository-name";
import { type AddedRepository, readAddResponse } from "./add-response";

async function addRepository(input: string): Promise<AddedRepository> {
  let response: Response;
  try {
    response = await fetch("/api/repos", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repository: input }),
    });
  } catch {
    throw new Error("Parity could not be reached. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(addFailureSentence(response.status, body));
  const added = readAddResponse(body);
  if (!added) throw new Error("The server answered, but not with a repository. Try again.");
  return added;
}

export function AddRepositoryForm({ initial = "" }: { initial?: string }) {
  const router = useRouter();
  const [input, setInput] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [finished, setFinished] = useState<AuditProgressView | null>(null);
  const mutation = useMutation({ mutationFn: addRepository });
  const added = mutation.data;
  const scorecard = added ? `/repos/${encodeURIComponent(added.owner)}/${encodeURIComponent(added.name)}` : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseRepositoryName(input);
    if (!parsed.ok) {
      setInvalid(parsed.error);
      return;
    }
    setInvalid(null);
    setReady(false);
    setFinished(null);
    mutation.mutate(`${parsed.value.owner}/${parsed.value.name}`);
  }

  const onReady = useCallback(() => setReady(true), []);
  const onDone = useCallback(
    (progress: AuditProgressView) => {
      setFinished(progress);
      if (progress.status === "succeeded" && scorecard) router.push(scorecard);
    },
    [router, scorecard],
  );

  const error = invalid ?? (mutation.isError ? mutation.error.message : null);
  const busy = mutation.isPending || (added !== undefined && added.auditId !== null && finished === null);
  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <label htmlFor="repository" className="block text-sm font-medium">
          Repository
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="repository"
            name="repository"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            placeholder="owner/name or https://github.com/owner/name"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "repository-error" : "repository-hint"}
            className="min-w-0 flex-1 rounded-md border border-neutral-300 bg-transparent px-3 py-2 font-mono text-sm dark:border-neutral-700"
          />
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
          >
            {mutation.isPending ? "Adding…" : "Add repository"}
          </button>
        </div>
        {error ? (
          <p id="repository-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : (
          <p id="repository-hint" className="text-sm text-neutral-600 dark:text-neutral-400">
            For example <code className="font-mono">acme/shop</code>. Parity reads its environment files and the last 26
            weeks of history.
          </p>
        )}
      </form>

      {added && scorecard ? (
        <section
          aria-labelledby="first-audit"
          className="space-y-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
        >
          <h2 id="first-audit" className="text-sm font-semibold">
            First audit of {added.owner}/{added.name}
          </h2>
          {added.auditId !== null ? (
            <AuditProgress key={added.auditId} auditId={added.auditId} onReady={onReady} onDone={onDone} />
          ) : null}
          {added.auditId === null || ready || finished ? (
            <p className="text-sm">
              <Link href={scorecard} className="font-medium underline underline-offset-4">
                {finished?.status === "failed" ? "Open the scorecard anyway" : "Open the scorecard"}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
