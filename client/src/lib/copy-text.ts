/**
 * Copies text to the clipboard. `navigator.clipboard` exists only in secure contexts, and
 * the organizer usually reaches the server over plain http at a LAN address, so the old
 * `execCommand("copy")` path is the real one there. If the browser refuses both, the given
 * field is left selected so that Ctrl+C (or a long press) still works.
 */
export async function copyText(
  text: string,
  field?: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused (e.g. the page is not focused): try the legacy path.
    }
  }
  const target = field ?? scratchField(text);
  target.focus();
  target.select();
  target.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  if (!field) target.remove();
  return copied;
}

/** An off-screen field to copy from when the caller has none on the page. */
function scratchField(text: string): HTMLTextAreaElement {
  const el = document.createElement("textarea");
  el.value = text;
  el.setAttribute("readonly", "");
  el.style.position = "fixed";
  el.style.left = "-9999px";
  document.body.append(el);
  return el;
}
