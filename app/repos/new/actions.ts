"use server";

import { redirect } from "next/navigation";
import { getDatabase } from "@/lib/db/client";
import { upsertRepository } from "@/lib/db/queries/repositories";
import { parseRepositoryName } from "@/lib/repos/repository-name";

export interface AddRepositoryState {
  error: string | null;
  input: string;
}

/** Server action: validates the name, stores the repository, goes to the list. */
export async function addRepository(_previous: AddRepositoryState, form: FormData): Promise<AddRepositoryState> {
  const input = String(form.get("repository") ?? "");
  const parsed = parseRepositoryName(input);
  if (!parsed.ok) return { error: parsed.error, input };
  await upsertRepository(await getDatabase(), parsed.value);
  redirect("/repos");
}
