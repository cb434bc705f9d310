import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="mx-auto max-w-xl rounded-xl border border-dashed border-neutral-300 px-6 py-12 text-center dark:border-neutral-700">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 text-sm leading-6 text-neutral-600 dark:text-neutral-400">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </section>
  );
}
