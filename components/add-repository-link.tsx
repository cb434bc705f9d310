import Link from "next/link";

export function AddRepositoryLink() {
  return (
    <Link
      href="/repos/new"
      className="inline-flex items-center rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
    >
      Add repository
    </Link>
  );
}
