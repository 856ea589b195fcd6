import { ask } from "../chair/ui/confirm.svelte.ts";
import { t } from "../lib/i18n.svelte.ts";

/**
 * Taking the projector from a live round asks first, naming it. Keeping the live round is
 * the default (the focused button, and Esc): a session in the hall must not vanish from
 * the screen by a stray click.
 */
export function confirmSwitch(live: string): Promise<boolean> {
  return ask({
    title: t("org.screen.switchTitle"),
    body: t("org.screen.switchBody", { live }),
    confirmLabel: t("org.screen.switch"),
    cancelLabel: t("org.screen.keep"),
    danger: true,
  });
}
