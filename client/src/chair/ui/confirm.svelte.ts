import type { Snippet } from "svelte";

export interface ConfirmOptions {
  title: string;
  body: string;
  /** Extra lines shown as a warning list (e.g. what is still open). */
  warnings?: string[];
  /** What the action will show, rendered under the body (e.g. the result the hall will see). */
  preview?: Snippet;
  confirmLabel: string;
  /** The button that keeps things as they are; it has the focus, so Enter keeps them too. */
  cancelLabel?: string;
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

/** The one open confirmation, rendered by <ConfirmHost>. */
export const confirmation = $state<{ pending: Pending | null }>({ pending: null });

/**
 * Asks before an action that cannot be undone. A styled modal rather than window.confirm:
 * the native dialog cannot say which button is the dangerous one, and some kiosk browsers
 * suppress it altogether.
 */
export function ask(options: ConfirmOptions): Promise<boolean> {
  confirmation.pending?.resolve(false);
  return new Promise((resolve) => {
    confirmation.pending = { ...options, resolve };
  });
}

export function settle(ok: boolean): void {
  const pending = confirmation.pending;
  confirmation.pending = null;
  pending?.resolve(ok);
}

/**
 * Closing a window while some cards have not voted asks first (they would lose their
 * chance); with every card in, it simply closes. A card that abstained (回避) has acted:
 * it is not left. `texts` receives the counts.
 */
export function confirmMissing(
  counts: { scored: number; cards: number; abstained?: number },
  texts: (n: number, m: number, left: number) => Omit<ConfirmOptions, "danger">,
): Promise<boolean> {
  const left = counts.cards - counts.scored - (counts.abstained ?? 0);
  if (left <= 0) return Promise.resolve(true);
  return ask({ ...texts(counts.scored, counts.cards, left), danger: true });
}
