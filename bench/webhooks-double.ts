import { createInterface } from "node:readline";
import { startGitHubDouble } from "../github-double/server";
import { pullRequestPayload, pushToPull, shopWorld, signedRequest } from "../lib/webhooks/__fixtures__/shop";

/**
 * The webhook bench's GitHub, in its own process (as GitHub is): the shop repository, and the
 * sender of the deliveries, so the load generator's CPU is not charged to Parity's process.
 * Prints `{ url }` on one line; then, for the line `{ "send": url, "rate": n }` on stdin, pushes
 * and delivers PULLS pull requests of ROUNDS commits each (round by round: every PR's `opened`,
 * then each `synchronize`) and prints `{ acks, statuses, sentMs, heads }`. Exits when stdin ends.
 */

const pulls = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 10);
const double = await startGitHubDouble({ world: shopWorld() });

/** PR n's commit of round r: the first changes parity, later ones only touch notes. */
function files(round: number, n: number): Record<string, string> {
  return round === 0
    ? { "docker-compose.yml": `services:\n  db:\n    image: mysql:8\n  cache:\n    image: redis:7.${n % 3}\n` }
    : { [`notes/${n}.md`]: `round ${round}\n` };
}

/**
 * Each delivery at its time, right after its push lands in the double (as on GitHub, a PR's head
 * moves while its earlier deliveries are still being worked).
 */
async function burst(url: string, rate: number) {
  const acks: number[] = [];
  const statuses: Record<string, number> = {};
  const heads: Record<number, string[]> = {};
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < pulls * rounds; i += 1) {
    const round = Math.floor(i / pulls);
    const n = (i % pulls) + 1;
    const due = started + (i * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const pr = pushToPull(double.world, "acme/shop", n, files(round, n));
    heads[n] = [...(heads[n] ?? []), pr.headSha];
    const action = round === 0 ? "opened" : "synchronize";
    const payload = pullRequestPayload({
      action,
      fullName: "acme/shop",
      number: n,
      headSha: pr.headSha,
      baseSha: pr.baseSha,
    });
    const request = await signedRequest(url, "pull_request", payload);
    const body = await request.text();
    sends.push(
      (async () => {
        const t0 = performance.now();
        const response = await fetch(url, { method: "POST", headers: request.headers, body });
        await response.text();
        acks.push(performance.now() - t0);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      })(),
    );
  }
  await Promise.all(sends);
  return { acks, statuses, sentMs: performance.now() - started, heads };
}

console.log(JSON.stringify({ url: double.url }));
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = JSON.parse(line) as { send: string; rate: number };
  void burst(command.send, command.rate).then((result) => console.log(JSON.stringify(result)));
});
lines.on("close", () => {
  void double.close().then(() => process.exit(0));
});
