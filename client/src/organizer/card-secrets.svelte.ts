import type { CardInfo, IssuedCard } from "../../../shared/protocol/index.ts";
import { randomId } from "../lib/random-id.ts";

/**
 * The card secrets this page holds. The server keeps only their hashes and hands each out
 * once, so a secret lives here, in memory, from the reply that made it until it is printed:
 * every printed copy of a card has its own code, and printing again needs new ones.
 */
export class CardSecrets {
  private unprinted = $state<Record<string, string>>({});
  /** An issue that got no answer: its retry carries the same request id. */
  private unanswered = $state<{ counts: string; requestId: string } | null>(null);

  remember(cards: IssuedCard[]): void {
    for (const c of cards) this.unprinted[c.id] = c.token;
  }

  forget(id: string): void {
    delete this.unprinted[id];
  }

  has(id: string): boolean {
    return id in this.unprinted;
  }

  /** The cards with their secrets, which are then gone from this page. */
  take(cards: CardInfo[]): IssuedCard[] {
    const out = cards.flatMap((c) => {
      const token = this.unprinted[c.id];
      return token ? [{ ...c, token }] : [];
    });
    for (const c of out) delete this.unprinted[c.id];
    return out;
  }

  /** The request id for issuing `counts`: the unanswered one when this is its retry. */
  requestId(counts: Record<string, number>): string {
    const key = JSON.stringify(Object.entries(counts).sort());
    if (this.unanswered?.counts === key) return this.unanswered.requestId;
    this.unanswered = { counts: key, requestId: randomId() };
    return this.unanswered.requestId;
  }

  /** After an answer (or a definite refusal) the next issue is a new request. */
  answered(): void {
    this.unanswered = null;
  }

  get retrying(): boolean {
    return this.unanswered !== null;
  }
}
