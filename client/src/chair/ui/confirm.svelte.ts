export interface ConfirmOptions {
  title: string;
  body: string;
  /** Extra lines shown as a warning list (e.g. what is still open). */
  warnings?: string[];
  confirmLabel: string;
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
