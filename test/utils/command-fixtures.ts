import type { ClientToServerEvents, CommandName } from "../../shared/protocol/index.ts";
import { ROLES, type Role } from "../../shared/roles.ts";
import type { Person } from "../../shared/setup/person.ts";
import { type ClientSocket, call, expectOk } from "./socket-client.ts";
import { DEMO_ROUND, seedRound, type TestApp } from "./test-app.ts";

const CREATE_REQUEST = "fixture-create-0001";
/** An application id no round has. */
const NO_APPLICATION = "6f1c0d5e-8a1b-4c2d-9e3f-0a1b2c3d4e5f";

const FIXTURE_PERSON: Person = {
  staffNo: "F0001",
  name: "测试人员",
  sex: "female",
  birthDate: "1985-06-01",
  department: "办公室",
  currentPost: "科员",
  grade: "一级科员",
  gradeSince: "2020-01-01",
  workStart: "2008-07-01",
  grassrootsYears: 3,
  education: "bachelor",
  reviewGrades: { "2024": "competent" },
  penalties: [],
  voterGroup: "staff",
};

type Payload<N extends CommandName> = Parameters<ClientToServerEvents[N]>[0];

/** Round A with one socket per role, a spare card to act on, and a second round B. */
export interface RoleFixture {
  roundId: string;
  otherRoundId: string;
  /** A card of round A that no socket uses as its credential. */
  spareCardId: string;
  tokens: Record<Role, string>;
  sockets: Record<Role, ClientSocket>;
}

export async function seedRoles(t: TestApp): Promise<RoleFixture> {
  const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
  const [voterCard, spareCard] = cards;
  if (!voterCard || !spareCard) throw new Error("expected two cards");
  const { roundId: otherRoundId } = expectOk(
    await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
  );
  expectOk(await call(organizer, "person:save", { person: FIXTURE_PERSON }));
  expectOk(
    await call(organizer, "round:create", { title: "新建的竞聘轮次", requestId: CREATE_REQUEST }),
  );
  // Round A is the one on the projector: the projector token may join only the active round.
  expectOk(await call(organizer, "round:activate", { roundId }));
  const link = async (role: "chair" | "observer") =>
    expectOk(await call(organizer, "link:create", { roundId, role })).token;
  // server:info creates the projector token on first use: do it before any snapshot.
  const tokens: Record<Role, string> = {
    organizer: t.organizerToken,
    chair: await link("chair"),
    observer: await link("observer"),
    projector: expectOk(await call(organizer, "server:info", {})).projectorToken,
    voter: voterCard.token,
  };
  const sockets = { organizer } as Record<Role, ClientSocket>;
  for (const role of ROLES) if (role !== "organizer") sockets[role] = await t.client(tokens[role]);
  return { roundId, otherRoundId, spareCardId: spareCard.id, tokens, sockets };
}

/**
 * One payload per command that its schema accepts: the base for role tests (so the role is
 * the only thing wrong) and for malformed variants. A command added to the protocol
 * without an entry here fails to compile.
 */
export const VALID_PAYLOADS: { [N in CommandName]: (f: RoleFixture) => Payload<N> } = {
  "session:join": (f) => ({ roundId: f.roundId }),
  "time:sync": () => ({}),
  "server:info": () => ({}),
  "round:list": () => ({}),
  "round:import": () => ({ file: DEMO_ROUND }),
  // The other round is started already: a second start changes nothing.
  "round:start": (f) => ({ roundId: f.otherRoundId, activate: false }),
  "round:file": (f) => ({ roundId: f.otherRoundId }),
  // A started formal round is not deletable: refused, with nothing changed.
  "round:delete": (f) => ({ roundId: f.otherRoundId }),
  // Not locked: refused (bad_state), with nothing changed.
  "round:archive": (f) => ({ roundId: f.otherRoundId }),
  "round:activate": (f) => ({ roundId: f.roundId }),
  // Made by seedRoles already: the retried request changes nothing.
  "people:list": () => ({}),
  // The person seedRoles saved, unchanged: nothing changes.
  "person:save": () => ({ person: FIXTURE_PERSON }),
  "round:create": () => ({ title: "新建的竞聘轮次", requestId: CREATE_REQUEST }),
  // The other round is started: its rules are frozen, so refused with nothing changed.
  "draft:rules": (f) => ({ roundId: f.otherRoundId, timers: { speechSeconds: 240 } }),
  // Posts and the announcement: aimed at the started round, whose posts are frozen, or read-only.
  "posts:list": (f) => ({ roundId: f.roundId }),
  "posts:save": (f) => ({
    roundId: f.otherRoundId,
    posts: [
      {
        title: "办公室主任",
        seats: 1,
        termYears: 2,
        duties: "",
        conditionsText: "",
        conditions: {},
      },
    ],
  }),
  "announcement:publish": (f) => ({
    roundId: f.otherRoundId,
    referenceDate: "2026-06-30",
    applyUntil: "2026-06-15",
  }),
  "announcement:list": (f) => ({ roundId: f.roundId }),
  // Applications aimed at the started round B: its posts are frozen, so each is refused
  // (round_frozen, or no such application there) with nothing changed.
  "application:nominate": (f) => ({
    roundId: f.otherRoundId,
    staffNo: FIXTURE_PERSON.staffNo,
    postId: "office",
    source: "staff",
    staffCount: 3,
  }),
  "application:accept": (f) => ({ roundId: f.otherRoundId, applicationId: NO_APPLICATION }),
  "application:withdraw": (f) => ({ roundId: f.otherRoundId, applicationId: NO_APPLICATION }),
  "application:list": (f) => ({ roundId: f.roundId }),
  "application:decide": (f) => ({
    roundId: f.otherRoundId,
    applicationId: NO_APPLICATION,
    outcome: "reject",
    reason: "学历不符合岗位条件",
    reviewer: FIXTURE_PERSON.staffNo,
  }),
  "review:close": (f) => ({ roundId: f.otherRoundId }),
  // The draws and questions: aimed at the started round B (frozen: refused, nothing
  // changes), or reads; question:show names a question round A never drew.
  "draw:list": (f) => ({ roundId: f.otherRoundId }),
  "draw:publish": (f) => ({
    roundId: f.otherRoundId,
    purpose: "speaking-order",
    witnesses: ["纪检组 张三", "职工代表 李四"],
  }),
  "draw:enter": (f) => ({ roundId: f.otherRoundId, drawId: 1, sources: [[6, 2, 5], [271828]] }),
  "order:set": (f) => ({ roundId: f.otherRoundId, order: ["C1"], reason: "候选人需提前离场" }),
  "questions:list": (f) => ({ roundId: f.otherRoundId }),
  "question:save": (f) => ({
    roundId: f.otherRoundId,
    postId: "office",
    text: "如何做好本岗位工作？",
    by: "人事科",
  }),
  "question:delete": (f) => ({ roundId: f.otherRoundId, questionId: "Q1", by: "人事科" }),
  "questions:seal": (f) => ({ roundId: f.otherRoundId, postId: "office", count: 3 }),
  "questions:drawn": (f) => ({ roundId: f.roundId }),
  "question:show": (f) => ({ roundId: f.roundId, postId: "office", questionId: "Q1" }),
  "cards:issue": (f) => ({
    roundId: f.roundId,
    counts: { leaders: 1 },
    requestId: "fixture-request",
  }),
  "cards:print": (f) => ({ roundId: f.roundId, cardIds: [f.spareCardId] }),
  "cards:list": (f) => ({ roundId: f.roundId }),
  "card:void": (f) => ({ roundId: f.roundId, cardId: f.spareCardId }),
  "card:reissue": (f) => ({ roundId: f.roundId, cardId: f.spareCardId }),
  "link:create": (f) => ({ roundId: f.roundId, role: "chair" }),
  "round:lock": (f) => ({ roundId: f.roundId }),
  "session:goto": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  "timer:start": (f) => ({ roundId: f.roundId, kind: "speech" }),
  "timer:stop": (f) => ({ roundId: f.roundId }),
  "scoring:open": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  "scoring:close": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  // C1 is not marked: taking no mark back changes nothing (and records nothing).
  "candidate:mark": (f) => ({ roundId: f.roundId, candidateId: "C1", mark: null }),
  "result:preview": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  "result:reveal": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  "result:hide": (f) => ({ roundId: f.roundId, candidateId: "C1" }),
  "screen:show": (f) => ({ roundId: f.roundId, view: "ranking" }),
  "evaluation:open": (f) => ({ roundId: f.roundId }),
  "evaluation:close": (f) => ({ roundId: f.roundId }),
  "evaluation:reveal": (f) => ({ roundId: f.roundId }),
  // C2 did not apply for the office, so no tie there can take this decision: it is
  // refused by the handler (invalid_decision) and records nothing.
  "tie:decide": (f) => ({
    roundId: f.roundId,
    positionId: "office",
    chosen: ["C2"],
    reason: "decided by the panel's vote",
  }),
  "audit:list": (f) => ({ roundId: f.roundId }),
  "evaluation:submit": () => ({ choices: { C1: "excellent" }, nonce: "eval-nonce-1", seq: 1 }),
  "ballot:submit": () => ({
    candidateId: "C1",
    scores: { knowledge: 20, skills: 20, quality: 30 },
    nonce: "valid-nonce-1",
    seq: 1,
  }),
};

export function validPayload(name: CommandName, f: RoleFixture): Record<string, unknown> {
  return VALID_PAYLOADS[name](f) as Record<string, unknown>;
}
