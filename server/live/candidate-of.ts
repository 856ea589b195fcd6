import type { RoundConfig } from "../../shared/round-file.ts";
import type { Services } from "../services.ts";

/** The round's configuration, when the round exists and names the candidate. */
export async function candidateOf(
  s: Services,
  roundId: string,
  candidateId: string,
): Promise<
  | { config: RoundConfig }
  | { error: "round_not_found" | "round_not_started" | "candidate_not_found" }
> {
  const config = await s.rounds.config(roundId);
  if (!config) return { error: await s.rounds.missing(roundId) };
  if (!config.candidates.some((c) => c.id === candidateId)) return { error: "candidate_not_found" };
  return { config };
}
