// Posts and their announcement over the socket and HTTP (issue 8, item 1): a draft's post
// list edited as a whole, published in dated versions, and the public page's data and route.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApplicationRecords } from "../../server/records/application-records.ts";
import type { PostInput, PublicAnnouncement } from "../../shared/protocol/posts.ts";
import type { Person } from "../../shared/setup/person.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { auditFor, registerPerson } from "../utils/register-fixtures.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();
const cleanups = useCleanups();

const post = (title: string, o: Partial<PostInput> = {}): PostInput => ({
  title,
  seats: 1,
  termYears: 2,
  duties: "",
  conditionsText: "",
  conditions: {},
  ...o,
});

async function newDraft(organizer: ClientSocket, requestId: string) {
  return expectOk(
    await call(organizer, "round:create", { title: "2027年中层干部竞争上岗", requestId }),
  ).roundId;
}

const dates = { referenceDate: "2026-06-30", applyUntil: "2026-06-15" };

async function publicAnnouncement(roundId: string) {
  const res = await fetch(`${t.url}/api/rounds/${roundId}/announcement`);
  return { status: res.status, cache: res.headers.get("cache-control"), body: await res.json() };
}

describe("posts:save", () => {
  it("creates, reorders, edits and removes posts; ids stay with their posts", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-create-0001");
    const conditions = { minWorkYears: 5, minEducation: "college" as const, noActivePenalty: true };
    const first = expectOk(
      await call(organizer, "posts:save", {
        roundId,
        posts: [
          post("办公室主任", {
            department: "办公室",
            termYears: 3,
            duties: "统筹协调",
            conditions,
          }),
          post("法规科科长", { seats: 2, conditionsText: "法律专业优先" }),
        ],
      }),
    );
    expect(first.posts.map((p) => [p.localId, p.title, p.department, p.seats])).toEqual([
      ["P1", "办公室主任", "办公室", 1],
      ["P2", "法规科科长", null, 2],
    ]);
    expect(first.posts[0]).toMatchObject({ termYears: 3, duties: "统筹协调", conditions });
    expect(first).toMatchObject({ published: null, unpublished: false });
    // The round file carries them too: the start freezes what the editor saved.
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.positions).toEqual([
      { id: "P1", title: "办公室主任", department: "办公室", seats: 1 },
      { id: "P2", title: "法规科科长", seats: 2, conditions: "法律专业优先" },
    ]);

    const [p1, p2] = first.posts;
    const second = expectOk(
      await call(organizer, "posts:save", {
        roundId,
        posts: [post("监察科科长"), { ...post("法规科科长（改）"), localId: p2?.localId }],
      }),
    );
    expect(second.posts.map((p) => [p.localId, p.title])).toEqual([
      ["P3", "监察科科长"],
      ["P2", "法规科科长（改）"],
    ]);
    expect(p1?.localId).toBe("P1");
    expect(expectOk(await call(organizer, "posts:list", { roundId }))).toEqual(second);

    const trail = expectOk(await call(organizer, "audit:list", { roundId })).map((e) => e.action);
    expect(trail).toEqual(["round:create", "posts:save", "posts:save"]);
  });

  it("refuses an unknown id, a post listed twice, the same post twice; nothing changes", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-refuse-0001");
    const saved = expectOk(await call(organizer, "posts:save", { roundId, posts: [post("甲")] }));
    const refusals: [PostInput[], unknown][] = [
      [[{ ...post("乙"), localId: "P7" }], { ok: false, error: "post_not_found" }],
      [
        [
          { ...post("甲"), localId: "P1" },
          { ...post("乙"), localId: "P1" },
        ],
        { ok: false, error: "invalid_payload" },
      ],
      [[post("甲", { termYears: 11 })], { ok: false, error: "invalid_payload" }],
      [[post("  ")], { ok: false, error: "invalid_payload" }],
      [[post("甲", { conditions: { maxAge: 12 } })], { ok: false, error: "invalid_payload" }],
    ];
    for (const [posts, answer] of refusals) {
      expect(await call(organizer, "posts:save", { roundId, posts })).toEqual(answer);
    }
    const same = await call(organizer, "posts:save", {
      roundId,
      posts: [{ ...post("甲"), localId: "P1" }, post("甲")],
    });
    expect(same).toMatchObject({ ok: false, error: "invalid_round_file" });
    expect(!same.ok && same.issues?.map((i) => [i.path, i.problem.key])).toEqual([
      ["positions.1", "file.problem.samePost"],
    ]);
    expect(expectOk(await call(organizer, "posts:list", { roundId }))).toEqual(saved);
  });

  it("refuses a frozen round, and removing a post that candidates of the file apply for", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId: started } = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
    );
    expect(await call(organizer, "posts:save", { roundId: started, posts: [post("甲")] })).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(expectOk(await call(organizer, "posts:list", { roundId: started })).posts).toHaveLength(
      4,
    );

    const { roundId } = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND }));
    const before = expectOk(await call(organizer, "posts:list", { roundId }));
    // Every post but the office: C1 and C6 apply for it.
    const kept = before.posts.filter((p) => p.localId !== "office");
    const res = await call(organizer, "posts:save", { roundId, posts: kept });
    expect(res).toMatchObject({ ok: false, error: "invalid_round_file" });
    expect(!res.ok && res.issues?.map((i) => i.path)).toEqual([
      "candidates.0.applications.0",
      "candidates.5.applications.0",
    ]);
    expect(expectOk(await call(organizer, "posts:list", { roundId }))).toEqual(before);
    // The posts as they came, saved back unchanged, are accepted.
    expect(expectOk(await call(organizer, "posts:save", { roundId, posts: before.posts }))).toEqual(
      before,
    );
  });

  it("refuses removing a post that has applications, with post_has_applications; nothing changes", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-apps-0001");
    expectOk(await call(organizer, "posts:save", { roundId, posts: [post("甲"), post("乙")] }));
    expectOk(await call(organizer, "announcement:publish", { roundId, ...dates }));
    const person: Person = registerPerson();
    expectOk(await call(organizer, "person:save", { person }));
    const nominated = await createApplicationRecords(t.db).nominate(
      roundId,
      { staffNo: person.staffNo, postLocalId: "P2", source: "self" },
      auditFor(roundId, "application:nominate"),
    );
    expect(nominated.ok).toBe(true);

    const before = expectOk(await call(organizer, "posts:list", { roundId }));
    const { file: fileBefore } = expectOk(await call(organizer, "round:file", { roundId }));
    const res = await call(organizer, "posts:save", {
      roundId,
      posts: [{ ...post("甲"), localId: "P1" }],
    });
    expect(res).toEqual({ ok: false, error: "post_has_applications" });
    expect(expectOk(await call(organizer, "posts:list", { roundId }))).toEqual(before);
    expect(expectOk(await call(organizer, "round:file", { roundId })).file).toEqual(fileBefore);
    const trail = expectOk(await call(organizer, "audit:list", { roundId })).map((e) => e.action);
    expect(trail.filter((a) => a === "posts:save")).toHaveLength(1);
  });
});

describe("announcement:publish", () => {
  it("publishes dated versions 1 and 2; the editor tells a change not yet published", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-publish-01");
    expect(await call(organizer, "announcement:publish", { roundId, ...dates })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(
      await call(organizer, "posts:save", { roundId, posts: [post("甲", { duties: "一" })] }),
    );
    const v1 = expectOk(await call(organizer, "announcement:publish", { roundId, ...dates }));
    expect(v1).toMatchObject({ roundId, version: 1, ...dates });
    expect(Date.parse(v1.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(v1.body.posts.map((p) => [p.localId, p.duties])).toEqual([["P1", "一"]]);
    const listed = expectOk(await call(organizer, "posts:list", { roundId }));
    expect(listed.published).toEqual({
      version: 1,
      publishedAt: v1.publishedAt,
      ...dates,
    });
    expect(listed.unpublished).toBe(false);

    const edited = expectOk(
      await call(organizer, "posts:save", {
        roundId,
        posts: [{ ...post("甲", { duties: "二" }), localId: "P1" }],
      }),
    );
    expect(edited.unpublished).toBe(true);
    const later = { referenceDate: "2026-07-31", applyUntil: "2026-07-20" };
    const v2 = expectOk(await call(organizer, "announcement:publish", { roundId, ...later }));
    expect(v2).toMatchObject({ version: 2, ...later });
    expect(expectOk(await call(organizer, "posts:list", { roundId })).unpublished).toBe(false);
    const all = expectOk(await call(organizer, "announcement:list", { roundId }));
    expect(all.map((a) => [a.version, a.referenceDate, a.body.posts[0]?.duties])).toEqual([
      [1, "2026-06-30", "一"],
      [2, "2026-07-31", "二"],
    ]);
    const trail = expectOk(await call(organizer, "audit:list", { roundId })).map((e) => e.action);
    expect(trail.filter((a) => a === "announcement:publish")).toHaveLength(2);
  });

  it("refuses dates that are no calendar day, a frozen round and an unknown one", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-dates-0001");
    expectOk(await call(organizer, "posts:save", { roundId, posts: [post("甲")] }));
    for (const bad of ["2026-02-30", "2026-13-01", "2026-6-1", "30/06/2026"]) {
      expect(
        await call(organizer, "announcement:publish", { ...dates, roundId, referenceDate: bad }),
      ).toEqual({ ok: false, error: "invalid_payload" });
      expect(
        await call(organizer, "announcement:publish", { ...dates, roundId, applyUntil: bad }),
      ).toEqual({ ok: false, error: "invalid_payload" });
    }
    expect(expectOk(await call(organizer, "announcement:list", { roundId }))).toEqual([]);
    const { roundId: started } = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
    );
    expect(await call(organizer, "announcement:publish", { roundId: started, ...dates })).toEqual({
      ok: false,
      error: "round_frozen",
    });
    const missing = { ok: false, error: "round_not_found" };
    const nowhere = { roundId: "no-such-round" };
    expect(await call(organizer, "announcement:publish", { ...nowhere, ...dates })).toEqual(
      missing,
    );
    expect(await call(organizer, "announcement:list", nowhere)).toEqual(missing);
    expect(await call(organizer, "posts:list", nowhere)).toEqual(missing);
    expect(await call(organizer, "posts:save", { ...nowhere, posts: [] })).toEqual(missing);
  });
});

describe("the public announcement", () => {
  it("serves only published versions, to anyone; 404 before the first", async () => {
    const organizer = await t.client(t.organizerToken);
    const roundId = await newDraft(organizer, "posts-public-001");
    expectOk(
      await call(organizer, "posts:save", { roundId, posts: [post("甲", { duties: "一" })] }),
    );
    expect(await publicAnnouncement(roundId)).toMatchObject({
      status: 404,
      body: { ok: false, error: "round_not_found" },
    });
    expect((await publicAnnouncement("no-such-round")).status).toBe(404);
    expect(await publicAnnouncement("a:b")).toMatchObject({
      status: 400,
      body: { ok: false, error: "invalid_payload" },
    });

    const v1 = expectOk(await call(organizer, "announcement:publish", { roundId, ...dates }));
    // A draft change after publishing is not public until published.
    expectOk(
      await call(organizer, "posts:save", {
        roundId,
        posts: [{ ...post("甲（草稿）", { duties: "草稿" }), localId: "P1" }, post("乙")],
      }),
    );
    const first = await publicAnnouncement(roundId);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("no-cache");
    const data = (first.body as { ok: true; data: PublicAnnouncement }).data;
    expect(data.latest).toEqual(v1);
    expect(data.versions).toEqual([{ version: 1, publishedAt: v1.publishedAt, ...dates }]);
    expect(JSON.stringify(first.body)).not.toContain("草稿");

    const v2 = expectOk(await call(organizer, "announcement:publish", { roundId, ...dates }));
    const second = (await publicAnnouncement(roundId)).body as { data: PublicAnnouncement };
    expect(second.data.latest.version).toBe(2);
    expect(second.data.latest.body.posts.map((p) => p.title)).toEqual(["甲（草稿）", "乙"]);
    expect(second.data.versions.map((v) => [v.version, v.publishedAt])).toEqual([
      [1, v1.publishedAt],
      [2, v2.publishedAt],
    ]);
  });

  it("serves the announcement page at /a/:roundId", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jingpin-client-"));
    cleanups.defer(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "announcement.html"), "<!doctype html><title>公告</title>");
    await writeFile(join(dir, "index.html"), "<!doctype html><title>organizer</title>");
    const app = await cleanups.track(startTestApp({ clientDir: dir }));
    const res = await fetch(`${app.url}/a/some-round`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("公告");
    expect(await (await fetch(`${app.url}/`)).text()).toContain("organizer");
  });
});
