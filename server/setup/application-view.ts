import type {
  ApplicationList,
  ApplicationView,
  PostApplicationsView,
} from "../../shared/protocol/applications.ts";
import { type ConditionCheck, checkConditions } from "../../shared/setup/eligibility.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";
import type { ApplicationRecord } from "../records/application-records.ts";
import type { AnnouncedPost, Announcement } from "../records/post-records.ts";
import type { RegisteredPerson } from "../records/register-records.ts";
import type { Services } from "../services.ts";

/**
 * What the condition checks are computed from: the latest announcement's reference date
 * and the conditions it published for each post (the terms as they stand for a post a
 * later announcement dropped), against the register as it stands.
 */
export interface CheckBasis {
  announcement: Announcement | null;
  posts: AnnouncedPost[];
  people: Map<string, RegisteredPerson>;
}

export async function checkBasis(s: Services, roundId: string): Promise<CheckBasis | null> {
  const [posts, announcement, people] = await Promise.all([
    s.records.posts.posts(roundId),
    s.records.posts.latest(roundId),
    s.records.register.listPeople(),
  ]);
  if (!posts) return null;
  return { announcement, posts, people: new Map(people.map((p) => [p.staffNo, p])) };
}

function conditionsOf(basis: CheckBasis, postLocalId: string): PostConditions {
  const announced = basis.announcement?.body.posts.find((p) => p.localId === postLocalId);
  return (
    announced?.conditions ?? basis.posts.find((p) => p.localId === postLocalId)?.conditions ?? {}
  );
}

/** The checks of one person for one post; none before an announcement names a date. */
export function checksFor(basis: CheckBasis, postLocalId: string, staffNo: string) {
  const person = basis.people.get(staffNo);
  const date = basis.announcement?.referenceDate;
  if (!person || !date) return [];
  return checkConditions(person, conditionsOf(basis, postLocalId), date);
}

function view(basis: CheckBasis, a: ApplicationRecord): ApplicationView {
  const person = basis.people.get(a.staffNo);
  const reviewer = a.decidedBy ? basis.people.get(a.decidedBy) : undefined;
  return {
    id: a.id,
    staffNo: a.staffNo,
    name: a.name,
    department: person?.department ?? "",
    currentPost: person?.currentPost ?? "",
    source: a.source,
    staffCount: a.staffCount,
    preference: a.preference,
    status: a.status,
    checks: checksFor(basis, a.postLocalId, a.staffNo),
    decision:
      a.decidedBy && a.decidedAt
        ? {
            reviewer: a.decidedBy,
            reviewerName: reviewer?.name ?? null,
            at: a.decidedAt,
            reason: a.reason,
            // Stored by application:decide as it computed them.
            checks: (a.checks ?? []) as ConditionCheck[],
          }
        : null,
  };
}

/** The round's posts with their nominations and applications, each with its checks. */
export async function applicationList(
  s: Services,
  roundId: string,
): Promise<ApplicationList | null> {
  const [basis, listed, reviewClosed] = await Promise.all([
    checkBasis(s, roundId),
    s.records.applications.list(roundId),
    s.records.applications.reviewClosed(roundId),
  ]);
  if (!basis || !listed) return null;
  const byPost = new Map(listed.map((p) => [p.localId, p]));
  const posts = basis.posts.map((post): PostApplicationsView => {
    const found = byPost.get(post.localId);
    return {
      localId: post.localId,
      title: post.title,
      department: post.department,
      seats: post.seats,
      applications: (found?.applications ?? []).map((a) => view(basis, a)),
      counts: found?.counts ?? { nominated: 0, applied: 0, withdrawn: 0, passed: 0, rejected: 0 },
      sources: found?.sources ?? { self: 0, staff: 0, party: 0 },
      staffRecommendations: found?.staffRecommendations ?? 0,
    };
  });
  const a = basis.announcement;
  return {
    announcement: a
      ? { version: a.version, referenceDate: a.referenceDate, applyUntil: a.applyUntil }
      : null,
    reviewClosed,
    posts,
  };
}

/** One application of the round, or null. */
export async function findApplication(
  s: Services,
  roundId: string,
  applicationId: string,
): Promise<ApplicationRecord | null> {
  const listed = (await s.records.applications.list(roundId)) ?? [];
  return listed.flatMap((p) => p.applications).find((a) => a.id === applicationId) ?? null;
}
