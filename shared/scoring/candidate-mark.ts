/**
 * A candidate who withdrew after the qualification review (弃权) or did not appear at the
 * session (缺席). The organizer or the chair marks them; they then have no ballot, are not
 * ranked and are no inspection target (docs/scoring.md, Withdrawal and absence).
 */
export const CANDIDATE_MARK_KINDS = ["withdrawn", "absent"] as const;

export type CandidateMarkKind = (typeof CANDIDATE_MARK_KINDS)[number];

/** The dictionary key of a mark's word, the same on every page and in Excel. */
export function candidateMarkKey(mark: CandidateMarkKind): `candidate.mark.${CandidateMarkKind}` {
  return `candidate.mark.${mark}`;
}
