import fs from "node:fs";
const api = JSON.parse(fs.readFileSync("node_modules/@octokit/openapi/generated/api.github.com.deref.json","utf8"));
const ops = [["get","/repos/{owner}/{repo}"],["get","/repos/{owner}/{repo}/git/trees/{tree_sha}"],["get","/repos/{owner}/{repo}/git/blobs/{file_sha}"],["get","/repos/{owner}/{repo}/commits"],["get","/repos/{owner}/{repo}/deployments"],["get","/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"],["get","/repos/{owner}/{repo}/actions/runs"],["get","/repos/{owner}/{repo}/releases"],["get","/repos/{owner}/{repo}/tags"],["get","/rate_limit"],["get","/repos/{owner}/{repo}/issues/{issue_number}/comments"],["post","/repos/{owner}/{repo}/check-runs"],["get","/repos/{owner}/{repo}/pulls/{pull_number}"],["get","/repos/{owner}/{repo}/pulls/{pull_number}/files"],["get","/installation/repositories"],["post","/app/installations/{installation_id}/access_tokens"],["get","/repos/{owner}/{repo}/contents/{path}"]];
function req(s, depth, pre) {
  if (!s || depth > 2) return;
  if (s.type === "array") return req(s.items, depth, pre + "[]");
  if (s.anyOf || s.oneOf) { console.log(pre, "anyOf/oneOf", (s.anyOf||s.oneOf).length); return; }
  if (s.properties) {
    console.log(pre || "(root)", "REQ:", (s.required||[]).join(","));
    for (const k of s.required || []) { const p = s.properties[k]; if (p && (p.properties || p.items?.properties || p.type === "object")) req(p, depth+1, pre + "." + k); }
  }
}
for (const [m,p] of ops) {
  const op = api.paths[p][m];
  const r = op.responses["200"] || op.responses["201"];
  const s = r.content["application/json"].schema;
  console.log("\n##", m, p);
  req(s, 0, "");
}
