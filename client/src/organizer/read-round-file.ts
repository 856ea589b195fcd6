import { t } from "../lib/i18n.svelte.ts";
import type { ImportProblem } from "./ImportProblemBox.svelte";

/** A picked round file, parsed; a file that is not JSON is a problem naming it. */
export async function readRoundFile(
  file: File,
): Promise<{ ok: true; parsed: unknown } | { ok: false; problem: ImportProblem }> {
  try {
    return { ok: true, parsed: JSON.parse(await file.text()) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      problem: { message: t("org.import.badJson", { name: file.name, detail }), issues: [] },
    };
  }
}
