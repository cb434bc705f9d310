"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import { useEffect, useRef } from "react";
import {
  type AuditProgressView,
  describeProgress,
  errorMessage,
  failureSentence,
  isFinished,
  isReady,
  progressFraction,
} from "./audit-progress-model";

async function fetchProgress(auditId: number): Promise<AuditProgressView> {
  const response = await fetch(`/api/audits/${auditId}`, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(errorMessage(body, `Could not read the audit's progress (HTTP ${response.status}).`));
  return body as AuditProgressView;
}

/**
 * Live progress of one audit, polled until nothing more changes. `onReady` runs once when the
 * scorecard can be shown, `onDone` once at the very end (history backfill included).
 */
export function AuditProgress({
  auditId,
  onReady,
  onDone,
}: {
  auditId: number;
  onReady?: (progress: AuditProgressView) => void;
  onDone?: (progress: AuditProgressView) => void;
}) {
  const query = useQuery({
    queryKey: ["audit-progress", auditId],
    queryFn: () => fetchProgress(auditId),
    refetchInterval: (current) => (isFinished(current.state.data) ? false : 1000),
    staleTime: 0,
  });
  const readyReported = useRef(false);
  const doneReported = useRef(false);
  useEffect(() => {
    if (!query.data) return;
    if (isReady(query.data) && !readyReported.current) {
      readyReported.current = true;
      onReady?.(query.data);
    }
    if (isFinished(query.data) && !doneReported.current) {
      doneReported.current = true;
      onDone?.(query.data);
    }
  }, [query.data, onReady, onDone]);

  if (query.isError) {
    return (
      <p role="alert" className="flex items-center gap-2 text-sm text-red-700 dark:text-red-400">
        <CircleAlert className="size-4 shrink-0" aria-hidden />
        {query.error.message}
      </p>
    );
  }
  const progress = query.data ?? { status: "queued", phase: null, done: null, total: null, error: null };
  const fraction = progressFraction(progress);
  const failed = progress.status === "failed";
  const Icon = failed ? CircleAlert : isFinished(progress) ? CircleCheck : LoaderCircle;
  const text = describeProgress(progress);
  return (
    <div className="space-y-2" aria-live="polite">
      <p className={`flex items-center gap-2 text-sm ${failed ? "text-red-700 dark:text-red-400" : ""}`}>
        <Icon className={`size-4 shrink-0 ${isFinished(progress) ? "" : "animate-spin"}`} aria-hidden />
        <span>{text}</span>
      </p>
      {failed ? (
        <div role="alert" className="text-sm text-red-700 dark:text-red-400">
          <p>{failureSentence(progress.errorCode)}</p>
          {progress.error ? (
            <p className="mt-0.5 text-xs text-neutral-600 dark:text-neutral-400">
              Reason recorded: <span className="font-mono">{progress.error}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {failed ? null : (
        <div
          role="progressbar"
          aria-label="Audit progress"
          aria-valuetext={text}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
          className="h-1.5 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
        >
          <div
            className={`h-full rounded-full bg-neutral-900 transition-[width] dark:bg-neutral-100 ${
              fraction === null ? "w-1/3 animate-pulse" : ""
            }`}
            style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
          />
        </div>
      )}
    </div>
  );
}
