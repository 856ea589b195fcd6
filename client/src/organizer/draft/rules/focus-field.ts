import { tick } from "svelte";

/**
 * Puts the focus in the field that shows the issues of `slot` (Field.svelte names its input
 * `f-<slot>`), or in the first field of a row or section; after the next render, so a row
 * just added has its input.
 */
export async function focusField(slot: string): Promise<void> {
  await tick();
  const own = document.getElementById(`f-${slot}`);
  const inside = document.querySelector<HTMLElement>(
    `[data-slot="${CSS.escape(slot)}"] input:not([disabled]), [data-slot="${CSS.escape(slot)}"] select`,
  );
  const target = own ?? inside;
  target?.focus();
  target?.scrollIntoView({ block: "center", behavior: "smooth" });
}
