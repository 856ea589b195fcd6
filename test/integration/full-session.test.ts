import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filenameOf } from "../../shared/download-name.ts";
import { hallDate } from "../../shared/hall-time.ts";
import { translate } from "../../shared/i18n/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import { markKey, roundHalf, targetMark } from "../../shared/scoring/index.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";

const run = promisify(execFile);
let t: TestApp;
let file: RoundExport;
let roundId: string;
let dir: string;

/** A whole demo session: every candidate scored by 30 cards, then the evaluation, then the lock. */
beforeAll(async () => {
  t = await startTestApp();
  dir = await mkdtemp(join(tmpdir(), "jingpin-full-"));
  const seeded = await seedRound(t, { leaders: 6, middle: 10, staff: 14 });
  roundId = seeded.roundId;
  const { config, cards, organizer } = seeded;
  const phones = await Promise.all(cards.map((c) => t.client(c.token)));
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (const candidate of config.speakingOrder ?? []) {
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: candidate }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: candidate }));
    await Promise.all(
      phones.map(async (p, i) =>
        expectOk(
          await call(p, "ballot:submit", {
            candidateId: candidate,
            scores: randomScores(config, rand),
            nonce: `full-${candidate}-${i}`,
            seq: 1,
          }),
        ),
      ),
    );
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: candidate }));
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: candidate }));
  }
  expectOk(await call(organizer, "evaluation:open", { roundId }));
  const options = config.evaluationOptions.map((o) => o.id);
  await Promise.all(
    phones.map(async (p, i) => {
      const choices: Record<string, string> = {};
      for (const c of config.candidates)
        if (rand() > 0.1) choices[c.id] = options[Math.floor(rand() * options.length)] ?? "unknown";
      return expectOk(
        await call(p, "evaluation:submit", { choices, nonce: `full-eval-${i}`, seq: 1 }),
      );
    }),
  );
  expectOk(await call(organizer, "evaluation:close", { roundId }));
  expectOk(await call(organizer, "evaluation:reveal", { roundId }));
  expectOk(await call(organizer, "round:lock", { roundId }));
  file = await fetchExport(t.url, roundId, t.organizerToken);
});

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a full session of the demo round", () => {
  it("exports every ballot and a ranking with targets for every post", () => {
    expect(file.ballots).toHaveLength(7 * 30);
    expect(file.evaluations.length).toBeGreaterThan(150);
    for (const c of file.results.candidates) expect(c.composite).not.toBeNull();
    for (const p of file.results.positions) expect(p.targets.length).toBeGreaterThan(0);
  });

  it("is accepted by the offline recount, which rejects it once a ballot is altered", async () => {
    const path = join(dir, "export.json");
    await writeFile(path, JSON.stringify(file));
    const ok = await run(process.execPath, ["--import", "tsx", "scripts/recount.ts", path]);
    expect(ok.stdout).toContain("办公室主任");
    const json = await run(process.execPath, [
      "--import",
      "tsx",
      "scripts/recount.ts",
      path,
      "--json",
    ]);
    expect(JSON.parse(json.stdout).positions).toEqual(file.results.positions);

    const tampered = structuredClone(file);
    const first = tampered.ballots[0];
    if (!first) throw new Error("no ballot");
    first.scores.knowledge = first.scores.knowledge === 0 ? 0.5 : 0;
    await writeFile(path, JSON.stringify(tampered));
    await expect(
      run(process.execPath, ["--import", "tsx", "scripts/recount.ts", path]),
    ).rejects.toMatchObject({ code: 1 });
  });

  it.each(["", ".xlsx"])(
    "names the export%s after the round and the hall's date of the lock",
    async (suffix) => {
      const res = await fetch(`${t.url}/api/rounds/${roundId}/export${suffix}`, {
        headers: { authorization: `Bearer ${t.organizerToken}` },
      });
      const ext = suffix ? "xlsx" : "json";
      const date = hallDate(file.round.lockedAt);
      const name = `${file.round.title}-${date}.${ext}`;
      const header = res.headers.get("content-disposition") ?? "";
      expect(header).toBe(
        `attachment; filename="jingpin-${roundId}-${date}.${ext}"; ` +
          `filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(filenameOf(header)).toBe(name);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );

  it("writes an .xlsx whose figures, read back, equal the results", async () => {
    const res = await fetch(`${t.url}/api/rounds/${roundId}/export.xlsx`, {
      headers: { authorization: `Bearer ${t.organizerToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "汇总-办公室主任",
      "汇总-安全监管科科长",
      "汇总-执法监察大队大队长",
      "汇总-政策法规科科长",
      "演讲答辩明细",
      "民主测评",
      "评分票",
      "测评票",
      "并列决定",
      "弃权缺席",
    ]);

    const d = file.method.decimals;
    const names = new Map(file.candidates.map((c) => [c.id, c.name]));
    for (const [i, position] of file.results.positions.entries()) {
      const ws = wb.worksheets[i];
      if (!ws) throw new Error("missing sheet");
      expect(ws.getRow(3).getCell(5).value).toBe("综合得分");
      position.ranking.forEach((id, rank) => {
        const row = ws.getRow(4 + rank);
        const r = file.results.candidates.find((c) => c.id === id);
        expect(row.getCell(2).value).toBe(names.get(id));
        expect(row.getCell(3).value).toBe(roundHalf(r?.speech ?? Number.NaN, d));
        expect(row.getCell(5).value).toBe(roundHalf(r?.composite ?? Number.NaN, d));
        const mark = targetMark(file.results.positions, position, id);
        // The results sheet's words; test/e2e/tie-decision.test.ts checks them letter by letter.
        expect(row.getCell(9).value).toBe(mark === "none" ? "" : translate("zh-CN", markKey(mark)));
      });
      expect(ws.getColumn(5).numFmt).toBe("0.00");
    }
    const ballots = wb.getWorksheet("评分票");
    expect((ballots?.rowCount ?? 0) - 3).toBe(file.ballots.length);
    const evaluation = wb.getWorksheet("民主测评");
    const totals =
      evaluation?.getSheetValues().filter((row) => Array.isArray(row) && row[2] === "合计") ?? [];
    expect(totals).toHaveLength(7);
  });
});
