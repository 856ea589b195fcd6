import { t } from "../lib/i18n.svelte.ts";

/** A calendar day (YYYY-MM-DD) as a notice writes it: 2026年6月15日, or 6/15/2026. */
export function tDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return t("announce.date", { y, m, d });
}
