import { createInterface } from "node:readline";
import { startGitHubDouble } from "../lib/github-double/server";
import { pullRequestPayload, pushToPull, shopWorld, signedRequest } from "../lib/webhooks/__fixtures__/shop";

/**
 * The webhook bench's GitHub, in its own process (as GitHub is): the shop repository with PULLS
 * pull requests of ROUNDS commits each, and the sender of the deliveries, so the load generator's
 * CPU is not charged to Parity's process. Prints `{ url, baseSha, heads }` on one line; then, for
 * each line `{ "send": url, "rate": n }` on stdin, sends the burst (round by round: every PR's
 * `opened`, then each `synchronize`) and prints `{ acks, statuses, sentMs }`. Exits when stdin ends.
 */

const pulls = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 10);
const double = await startGitHubDouble({ world: shopWorld() });
const heads: Record<number, string[]> = {};
let baseSha = "";
for (let round = 0; round < rounds; round += 1) {
  for (let n = 1; n <= pulls; n += 1) {
    const files =
      round === 0
        ? { "docker-compose.yml": `services:\n  db:\n    image: mysql:8\n  cache:\n    image: redis:7.${n % 3}\n` }
        : { [`notes/${n}.md`]: `round ${round}\n` };
    const pr = pushToPull(double.world, "acme/shop", n, files);
    baseSha = pr.baseSha;
    const list = heads[n] ?? [];
    list.push(pr.headSha);
    heads[n] = list;
  }
}

async function burst(url: string, rate: number) {
  const requests: { headers: Headers; body: string }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (let n = 1; n <= pulls; n += 1) {
      const action = round === 0 ? "opened" : "synchronize";
      const headSha = heads[n]?.[round] ?? "";
      const request = await signedRequest(
        url,
        "pull_request",
        pullRequestPayload({ action, fullName: "acme/shop", number: n, headSha, baseSha }),
      );
      requests.push({ headers: request.headers, body: await request.text() });
    }
  }
  const acks: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    requests.map(async (request, i) => {
      const due = started + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const t0 = performance.now();
      const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
      await response.text();
      acks.push(performance.now() - t0);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }),
  );
  return { acks, statuses, sentMs: performance.now() - started };
}

console.log(JSON.stringify({ url: double.url, baseSha, heads }));
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = JSON.parse(line) as { send: string; rate: number };
  void burst(command.send, command.rate).then((result) => console.log(JSON.stringify(result)));
});
lines.on("close", () => {
  void double.close().then(() => process.exit(0));
});
