import { randomId } from "../../lib/random-id.ts";

/**
 * The request id of `round:create`, kept until the server answers: the round's id is made
 * from it, so a click retried after a lost reply (a hall's Wi-Fi) gets back the round the
 * first one made instead of a second one. A definite answer, yes or no, ends it.
 */
export class CreateRequest {
  private pending: string | null = null;

  /** The id to send: the unanswered one when this is its retry. */
  id(): string {
    this.pending ??= randomId();
    return this.pending;
  }

  answered(): void {
    this.pending = null;
  }

  get retrying(): boolean {
    return this.pending !== null;
  }
}
