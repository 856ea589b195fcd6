import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { hallTime } from "../../shared/hall-time.ts";
import { exportDigest, type RoundExport, verifyRoundExport } from "../../shared/round-export.ts";
import { landedRound } from "../utils/records-fixtures.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { fetchExport, type SeededRound, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const SCORES = { knowledge: 20, skills: 20, quality: 30 };
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function trail(organizer: ClientSocket, roundId: string) {
  const entries = expectOk(await call(organizer, "audit:list", { roundId }));
  return entries.filter((e) => e.action === "candidate:mark").map((e) => `${e.subject} ${e.note}`);
}

/** Scores C1 with every card, then closes and reveals nothing: C1 took part. */
async function scoreC1(r: SeededRound, phones: ClientSocket[]): Promise<void> {
  expectOk(await call(r.organizer, "scoring:open", { roundId: r.roundId, candidateId: "C1" }));
  for (const [i, phone] of phones.entries()) {
    const ballot = { candidateId: "C1", scores: SCORES, nonce: `c1-ballot-${i}`, seq: 1 };
    expectOk(await call(phone, "ballot:submit", ballot));
  }
  expectOk(await call(r.organizer, "scoring:close", { roundId: r.roundId, candidateId: "C1" }));
}

describe("candidate:mark (弃权, 缺席)", () => {
  it("marks and unmarks with the time, audited once each, and every page sees it", async () => {
    const r = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    const { roundId, organizer } = r;
    const chair = await t.client(
      expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token,
    );
    const phone = await t.client(r.cards[0]?.token ?? "");
    expectOk(await call(phone, "session:join", {}));

    const told = waitFor(phone, "session:state", (s) => s.marks.C2 !== undefined);
    const before = Date.now();
    const marked = expectOk(
      await call(chair, "candidate:mark", { roundId, candidateId: "C2", mark: "absent" }),
    );
    expect(marked.marks).toEqual({ C2: { mark: "absent", at: expect.stringMatching(ISO) } });
    const at = Date.parse(marked.marks.C2?.at ?? "");
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await told).marks.C2?.mark).toBe("absent");
    // The phone's own join carries it: it never shows C2 as scorable.
    expect(expectOk(await call(phone, "session:join", {})).state.marks.C2?.mark).toBe("absent");

    // Asking again changes nothing and records nothing; another mark replaces it.
    const again = expectOk(
      await call(organizer, "candidate:mark", { roundId, candidateId: "C2", mark: "absent" }),
    );
    expect(again.version).toBe(marked.version);
    const changed = expectOk(
      await call(organizer, "candidate:mark", { roundId, candidateId: "C2", mark: "withdrawn" }),
    );
    expect(changed.marks.C2?.mark).toBe("withdrawn");

    const cleared = expectOk(
      await call(chair, "candidate:mark", { roundId, candidateId: "C2", mark: null }),
    );
    expect(cleared.marks).toEqual({});
    const none = expectOk(
      await call(chair, "candidate:mark", { roundId, candidateId: "C2", mark: null }),
    );
    expect(none.version).toBe(cleared.version);
    expect(await trail(organizer, roundId)).toEqual(["C2 absent", "C2 withdrawn", "C2 null"]);

    expect(
      await call(chair, "candidate:mark", { roundId, candidateId: "C9", mark: "absent" }),
    ).toEqual({ ok: false, error: "candidate_not_found" });
  });

  it("is refused while the window or the evaluation is open, and once there are ballots", async () => {
    const r = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
    const { roundId, organizer } = r;
    const phones = await Promise.all(r.cards.map((c) => t.client(c.token)));
    const mark = (candidateId: string) =>
      call(organizer, "candidate:mark", { roundId, candidateId, mark: "absent" });

    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    expect(await mark("C1")).toEqual({ ok: false, error: "scoring_still_open" });
    await scoreC1(r, phones);
    // A candidate who spoke and was scored cannot be absent.
    expect(await mark("C1")).toEqual({ ok: false, error: "candidate_scored" });

    // An abstention alone makes a candidate one who took part too.
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
    const abstain = { candidateId: "C2", abstain: true as const, nonce: "c2-abstain", seq: 1 };
    expectOk(await call(phones[0] as ClientSocket, "ballot:submit", abstain));
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C2" }));
    expect(await mark("C2")).toEqual({ ok: false, error: "candidate_scored" });

    // A window opened and closed with nothing in it is no obstacle.
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C3" }));
    expectOk(await mark("C3"));

    expectOk(await call(organizer, "evaluation:open", { roundId }));
    expect(await mark("C4")).toEqual({ ok: false, error: "scoring_still_open" });
    const choice = { choices: { C5: "excellent" }, nonce: "eval-c5-1", seq: 1 };
    expectOk(await call(phones[1] as ClientSocket, "evaluation:submit", choice));
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    expect(await mark("C5")).toEqual({ ok: false, error: "candidate_scored" });
    expectOk(await mark("C4"));

    const state = expectOk(await call(organizer, "session:join", { roundId })).state;
    expect(Object.keys(state.marks).sort()).toEqual(["C3", "C4"]);
    expect(await trail(organizer, roundId)).toEqual(["C3 absent", "C4 absent"]);

    expectOk(await call(organizer, "round:lock", { roundId }));
    expect(await mark("C6")).toEqual({ ok: false, error: "round_locked" });
    expect(
      await call(organizer, "candidate:mark", { roundId, candidateId: "C3", mark: null }),
    ).toEqual({ ok: false, error: "round_locked" });
  });

  it("a marked candidate is not called, timed, scored, evaluated or revealed", async () => {
    const r = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    const { roundId, organizer } = r;
    const phone = await t.client(r.cards[0]?.token ?? "");

    // The current speaker does not appear: marked, their timer stops, and they stay current.
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
    expectOk(await call(organizer, "timer:start", { roundId, kind: "speech" }));
    const marked = expectOk(
      await call(organizer, "candidate:mark", { roundId, candidateId: "C3", mark: "absent" }),
    );
    expect(marked.currentCandidateId).toBe("C3");
    expect(marked.timer).toBeNull();
    const refused = { ok: false, error: "candidate_marked" };
    expect(await call(organizer, "timer:start", { roundId, kind: "speech" })).toEqual(refused);
    expect(await call(organizer, "scoring:open", { roundId, candidateId: "C3" })).toEqual(refused);
    expect(await call(organizer, "session:goto", { roundId, candidateId: "C6" })).toMatchObject({
      ok: true,
    });
    expect(await call(organizer, "session:goto", { roundId, candidateId: "C3" })).toEqual(refused);

    // A window closed empty before the mark: still nothing to reveal.
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C7" }));
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C7" }));
    expectOk(
      await call(organizer, "candidate:mark", { roundId, candidateId: "C7", mark: "withdrawn" }),
    );
    expect(await call(organizer, "result:preview", { roundId, candidateId: "C7" })).toEqual(
      refused,
    );
    expect(await call(organizer, "result:reveal", { roundId, candidateId: "C7" })).toEqual(refused);

    expectOk(await call(organizer, "evaluation:open", { roundId }));
    const withMarked = { choices: { C1: "excellent", C3: "competent" }, nonce: "eval-m-1", seq: 1 };
    expect(await call(phone, "evaluation:submit", withMarked)).toEqual({
      ok: false,
      error: "invalid_choices",
    });
    expectOk(
      await call(phone, "evaluation:submit", { ...withMarked, choices: { C1: "excellent" } }),
    );
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    const evaluation = expectOk(await call(organizer, "evaluation:reveal", { roundId }));
    // Left out of the evaluation as the phones leave them out.
    expect(Object.keys(evaluation)).not.toContain("C3");
    expect(Object.keys(evaluation)).not.toContain("C7");
    expect(Object.keys(evaluation)).toContain("C1");

    // Taken back, the candidate may be called again.
    expectOk(await call(organizer, "candidate:mark", { roundId, candidateId: "C3", mark: null }));
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
  });

  it("after the lock: the export carries the marks, the results leave them unranked, and it recounts", async () => {
    const r = await seedRound(t, { leaders: 2, middle: 2, staff: 1 });
    const { roundId, organizer } = r;
    const phones = await Promise.all(r.cards.map((c) => t.client(c.token)));
    await scoreC1(r, phones);
    for (const [candidateId, mark] of [
      ["C6", "absent"],
      ["C2", "withdrawn"],
    ] as const) {
      expectOk(await call(organizer, "candidate:mark", { roundId, candidateId, mark }));
    }
    // The evaluation offers C1 only; with it C1 has a composite and is ranked.
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    for (const [i, phone] of phones.entries()) {
      const choice = { choices: { C1: "excellent" }, nonce: `lock-eval-${i}`, seq: 1 };
      expectOk(await call(phone, "evaluation:submit", choice));
    }
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    const live = expectOk(await call(organizer, "session:join", { roundId })).state.marks;

    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.digest).toBe(digest);
    expect(file.marks).toEqual([
      { candidate: "C2", mark: "withdrawn", at: live.C2?.at },
      { candidate: "C6", mark: "absent", at: live.C6?.at },
    ]);

    const byId = new Map(file.results.candidates.map((c) => [c.id, c]));
    expect(byId.get("C6")).toMatchObject({ mark: "absent", speech: null, composite: null });
    expect(byId.get("C2")).toMatchObject({ mark: "withdrawn", ballots: 0 });
    expect(byId.get("C1")).toMatchObject({ mark: null, ballots: 5 });
    for (const p of file.results.positions) {
      const named = [...p.ranking, ...p.ties.flat(), ...p.targets, ...p.finalTargets];
      expect(named).not.toContain("C2");
      expect(named).not.toContain("C6");
    }
    // C1 applied to the office and to law, which C6 and C2 applied to: only C1 is ranked.
    expect(file.results.positions.find((p) => p.id === "office")?.ranking).toEqual(["C1"]);
    expect(verifyRoundExport(file)).toMatchObject({ ok: true, mismatches: [] });
    const tampered = structuredClone(file);
    tampered.marks.pop();
    expect(verifyRoundExport(tampered)).toMatchObject({ ok: false, digestOk: false });

    // The workbook lists them apart, with the time, and ranks nobody of them.
    const res = await fetch(`${t.url}/api/rounds/${roundId}/export.xlsx`, {
      headers: { authorization: `Bearer ${t.organizerToken}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name);
      const out: string[][] = [];
      ws?.eachRow((row, n) => {
        if (n > 3) out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
      });
      return out;
    };
    expect(rows("弃权缺席")).toEqual([
      ["李晓梅", "政策法规科科长", "弃权", hallTime(live.C2?.at ?? "", "zh-CN")],
      ["杨丽", "办公室主任", "缺席", hallTime(live.C6?.at ?? "", "zh-CN")],
    ]);
    const office = rows("汇总-办公室主任");
    expect(office.map((r) => r[1])).toEqual(["王建国"]);
    // 回避 is the last column: none of the columns before it moved.
    expect(wb.getWorksheet("汇总-办公室主任")?.getRow(3).getCell(11).value).toBe("回避");
    expect(rows("民主测评").map((r) => r[0])).not.toContain("杨丽");

    // The landed round keeps them in its final state; its evaluation leaves them out.
    const join = expectOk(await call(organizer, "session:join", { roundId }));
    const landed = join.state;
    expect(landed.marks).toEqual(live);
    expect(Object.keys(join.screen?.evaluation ?? {})).not.toContain("C6");
    expect(Object.keys(join.screen?.evaluation ?? {})).toContain("C1");
    expect(await call(organizer, "result:reveal", { roundId, candidateId: "C6" })).toEqual({
      ok: false,
      error: "candidate_marked",
    });
  });

  it("a round landed before marks existed reads as marking nobody, and its file still serves", async () => {
    const r = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    const { roundId, organizer } = r;
    // What a version before marks landed: no marks in the file, its results or the state.
    const landed = landedRound(roundId, r.config, new Date("2026-05-20T10:42:00.000Z"));
    const old = JSON.parse(JSON.stringify(landed.file)) as Record<string, unknown> & {
      results: { candidates: Record<string, unknown>[] };
    };
    delete old.marks;
    for (const c of old.results.candidates) delete c.mark;
    const { digest: _, ...body } = old;
    const file = { ...old, digest: exportDigest(body) } as unknown as RoundExport;
    const { marks: __, ...state } = landed.finalState.state;
    expect(
      await t.app.services.records.rounds.land(roundId, {
        ...landed,
        file,
        body: canonicalJson(file),
        finalState: { ...landed.finalState, state: state as typeof landed.finalState.state },
      }),
    ).toBe("ok");
    expect(await t.app.services.locks.reconcile()).toEqual([roundId]);

    const joined = expectOk(await call(organizer, "session:join", { roundId })).state;
    expect(joined.status).toBe("locked");
    expect(joined.marks).toEqual({});
    const served = await fetchExport(t.url, roundId, t.organizerToken);
    expect("marks" in served).toBe(false);
    expect(verifyRoundExport(served)).toMatchObject({ ok: true, mismatches: [] });
    const xlsx = await fetch(`${t.url}/api/rounds/${roundId}/export.xlsx`, {
      headers: { authorization: `Bearer ${t.organizerToken}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("弃权缺席")?.rowCount).toBe(3);
  });
});
