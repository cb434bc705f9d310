"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { AuditProgress } from "../audit-progress";
import { errorMessage } from "../audit-progress-model";

async function requestAudit(owner: string, name: string): Promise<number | null> {
  const response = await fetch(`/api/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/audits`, {
    method: "POST",
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(errorMessage(body, `The audit could not be queued (HTTP ${response.status}).`));
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const audit = record.audit && typeof record.audit === "object" ? (record.audit as Record<string, unknown>) : {};
  const id = record.auditId ?? record.id ?? audit.id;
  return typeof id === "number" ? id : null;
}

/** Queues an audit, shows its progress in place and refreshes the scorecard when it is done. */
export function ReauditButton({
  owner,
  name,
  runningAuditId,
  label = "Re-audit",
}: {
  owner: string;
  name: string;
  runningAuditId?: number | null;
  label?: string;
}) {
  const router = useRouter();
  const [auditId, setAuditId] = useState<number | null>(runningAuditId ?? null);
  const mutation = useMutation({
    mutationFn: () => requestAudit(owner, name),
    onSuccess: (id) => setAuditId(id),
  });
  const onDone = useCallback(() => {
    router.refresh();
    setAuditId(null);
  }, [router]);
  const running = mutation.isPending || auditId !== null;
  return (
    <div className="flex flex-col items-start gap-1.5">
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={running}
        className="inline-flex items-center gap-1.5 rounded-md border border-neutral-300 px-2.5 py-1 text-sm font-medium hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-800"
      >
        <RefreshCw className={`size-3.5 ${running ? "animate-spin" : ""}`} aria-hidden />
        {running ? "Auditing…" : label}
      </button>
      {auditId !== null ? (
        <div className="w-56">
          <AuditProgress key={auditId} auditId={auditId} onDone={onDone} />
        </div>
      ) : null}
      {mutation.isError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
