import type { RecentPrAudit } from "@/lib/db/queries/bot";
import { githubPullUrl } from "../format";

interface Props {
  fullName: string;
  /** GitHub's web address (GITHUB_URL). */
  githubUrl: string;
  audits: RecentPrAudit[];
}

function score(value: number | null): string {
  return value === null ? "—" : String(Math.round(value));
}

/** Recent pull requests the bot audited, each with the delta it introduces. */
export function PullRequests({ fullName, githubUrl, audits }: Props) {
  if (!audits.length) return null;
  return (
    <section aria-labelledby="pull-requests" className="space-y-2">
      <h2 id="pull-requests" className="text-lg font-semibold">
        Recent pull requests
      </h2>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col">Pull request</th>
            <th scope="col">New</th>
            <th scope="col">Resolved</th>
            <th scope="col">Score</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {audits.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={githubPullUrl({ githubUrl, fullName }, a.number)} className="underline underline-offset-2">
                  #{a.number}
                </a>{" "}
                {a.title}
              </td>
              <td className="tabular-nums">{a.newFindings}</td>
              <td className="tabular-nums">{a.resolvedFindings}</td>
              <td className="tabular-nums">
                {score(a.scoreBefore)} → {score(a.scoreAfter)}
              </td>
              <td>{a.conclusion ?? a.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
