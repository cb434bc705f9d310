import { PGlite } from "@electric-sql/pglite";
const dir = process.argv[2];
const db = new PGlite(dir);
const r = await db.query(`select a.id, a.trigger, a.status, a.phase, a.error, a.commit_sha, r.full_name, r.latest_audit_id, r.last_audit_id, r.history_status from audits a join repositories r on r.id=a.repository_id order by a.id desc limit 8`);
console.log(r.rows);
await db.close();
