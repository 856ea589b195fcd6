/**
 * Checks the audit trail in the records: `npm run audit:verify [-- --round ID] [--head HASH]`.
 * Walks the hash chain from the first entry and names the first one that does not hold.
 * `--round ID` also prints the round's entries in order; `--head HASH` checks that a head
 * noted earlier (kept off-site) is still in the trail. Exit 0 when the trail holds, 1 when
 * it does not, 2 when it cannot be checked (no DATABASE_URL, records unreachable, usage).
 */
import type { ChainBreak, StoredAuditEntry } from "../server/records/audit-records.ts";
import { createAuditRecords } from "../server/records/audit-records.ts";
import { connectDatabase } from "../server/records/db.ts";
import { hallTime } from "../shared/hall-time.ts";

const USAGE = "用法 usage: npm run audit:verify [-- --round ID] [--head HASH]";

const NO_DATABASE = [
  "未设置 DATABASE_URL。DATABASE_URL is not set.",
  "  Set it to the records' PostgreSQL, e.g. DATABASE_URL=postgresql://user@host/db npm run audit:verify,",
  "  or run this while `npm start` runs: npm start prints the URL of its private PostgreSQL.",
].join("\n");

const WHY: Record<ChainBreak, string> = {
  prev_hash:
    "前一条记录的哈希不符 prev_hash does not match the entry before it (an entry was removed, inserted or reordered)",
  hash: "哈希与内容不符 hash does not match its content (the entry was changed)",
  fields:
    "编号、轮次或时间与内容不符 its id, round or time columns do not match its content (the entry was moved or relabelled)",
};

interface Args {
  round?: string;
  head?: string;
}

function parseArgs(args: string[]): Args | null {
  const parsed: Args = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith("--")) return null;
    if (flag === "--round") parsed.round = value;
    else if (flag === "--head" && /^[0-9a-f]{64}$/.test(value)) parsed.head = value;
    else return null;
  }
  return parsed;
}

/** What an entry's text says, as far as it can be read (a changed one may be anything). */
function fieldsOf(e: StoredAuditEntry): Record<string, string> {
  try {
    const parsed = JSON.parse(e.body) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return {
      role: text(parsed.role),
      action: text(parsed.action),
      subject: text(parsed.subject),
      note: text(parsed.note),
    };
  } catch {
    return { role: "", action: "?", subject: "", note: "" };
  }
}

const when = (at: string, zone = true) => hallTime(at, "zh-CN", { seconds: true, zone });

function printRound(roundId: string, entries: StoredAuditEntry[]): void {
  console.log(`轮次 round ${roundId}: ${entries.length} entries（时间为北京时间 times are UTC+8）`);
  for (const e of entries) {
    const f = fieldsOf(e);
    const line = [when(e.at, false), f.role, f.action, f.subject, f.note]
      .filter(Boolean)
      .join("  ");
    console.log(`  #${e.seq}  ${line}`);
  }
  console.log("");
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(NO_DATABASE);
    return 2;
  }
  const db = connectDatabase(url, { max: 2 });
  try {
    const trail = createAuditRecords(db);
    if (args.round !== undefined) printRound(args.round, await trail.list(args.round));
    const check = await trail.verify();
    if (!check.ok) {
      const e = check.firstBroken;
      console.log(`审计记录不完整 audit trail broken at entry ${e.seq}`);
      console.log(`  轮次 round ${e.roundId ?? "-"}, 操作 action ${fieldsOf(e).action || "?"}`);
      console.log(`  时间 time ${when(e.at)} (${e.at})`);
      console.log(`  原因 why: ${WHY[e.reason]}`);
      console.log(`  ${check.entries} entries before it hold.`);
      return 1;
    }
    console.log(
      `审计记录完整 audit trail intact: ${check.entries} entries, head ${check.head ?? "none"}`,
    );
    if (args.head !== undefined) {
      const kept = await trail.withHash(args.head);
      if (!kept) {
        console.log(
          `保存的末条哈希不在记录中 the head you kept (${args.head}) is not in the trail: entries after it were removed, or the trail was rebuilt`,
        );
        return 1;
      }
      console.log(
        `保存的末条哈希仍在记录中 the head you kept is entry ${kept.seq}; it and every entry before it are unchanged`,
      );
    }
    return 0;
  } catch (error) {
    // The message only: the URL may carry a password and is never printed.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`无法读取审计记录 cannot read the audit trail: ${reason}`);
    return 2;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
