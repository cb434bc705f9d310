import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Nothing lives at this address.{" "}
        <Link href="/" className="underline underline-offset-4">
          Back to the overview
        </Link>
        .
      </p>
    </div>
  );
}
