"use client";

import { useActionState } from "react";
import { type AddRepositoryState, addRepository } from "./actions";

const initial: AddRepositoryState = { error: null, input: "" };

export function AddRepositoryForm() {
  const [state, action, pending] = useActionState(addRepository, initial);
  return (
    <form action={action} className="space-y-3" noValidate>
      <label htmlFor="repository" className="block text-sm font-medium">
        Repository
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="repository"
          name="repository"
          defaultValue={state.input}
          placeholder="owner/name or https://github.com/owner/name"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "repository-error" : "repository-hint"}
          className="min-w-0 flex-1 rounded-md border border-neutral-300 bg-transparent px-3 py-2 font-mono text-sm dark:border-neutral-700"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
        >
          {pending ? "Adding…" : "Add repository"}
        </button>
      </div>
      {state.error ? (
        <p id="repository-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : (
        <p id="repository-hint" className="text-sm text-neutral-500">
          For example <code className="font-mono">acme/shop</code>.
        </p>
      )}
    </form>
  );
}
