import type { ErrorCode, Result } from "../../../../shared/errors.ts";
import { tError } from "../../lib/i18n.svelte.ts";

export interface Toast {
  id: number;
  text: string;
  kind: "error" | "info";
}

/** Short messages at the corner of the page; the staff page and the chair page share them. */
export const toasts = $state<Toast[]>([]);
let nextId = 1;

export function dismiss(id: number): void {
  const i = toasts.findIndex((x) => x.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

export function toast(text: string, kind: Toast["kind"] = "info"): void {
  const id = nextId++;
  toasts.push({ id, text, kind });
  // Errors stay longer: at the front of a hall the chair may look away for a moment.
  setTimeout(() => dismiss(id), kind === "error" ? 8000 : 4000);
}

export function toastError(code: ErrorCode): void {
  toast(tError(code), "error");
}

/** The data of a command result, or null after showing its translated error. */
export function unwrap<T>(res: Result<T>): T | null {
  if (res.ok) return res.data;
  toastError(res.error);
  return null;
}
