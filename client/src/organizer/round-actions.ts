import { roundFileName } from "../../../shared/download-name.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { ask } from "../chair/ui/confirm.svelte.ts";
import { toast, unwrap } from "../chair/ui/toasts.svelte.ts";
import type { Connection } from "../lib/connection.svelte.ts";
import { saveBlob } from "../lib/download.ts";
import { t, tError } from "../lib/i18n.svelte.ts";
import { confirmSwitch } from "./confirm-switch.ts";
import type { ImportProblem } from "./ImportProblemBox.svelte";

interface Named {
  id: string;
  title: string;
}

/**
 * A round that started while another one was live on the projector kept off it: ask,
 * naming the live one (the default keeps it), then say where the projector stands.
 */
export async function offerProjector(
  conn: Connection,
  round: Named,
  liveRound: { id: string; title: string } | null,
  texts: { done: MessageKey; kept: MessageKey },
): Promise<void> {
  // A refused switch says why (unwrap toasts the error) and the live round stays.
  const switched =
    liveRound !== null &&
    (await confirmSwitch(liveRound.title)) &&
    unwrap(await conn.call("round:activate", { roundId: round.id })) !== null;
  if (liveRound && !switched) toast(t(texts.kept, { title: round.title, live: liveRound.title }));
  else toast(t(texts.done, { title: round.title }));
}

/** Starts a draft's session after a question: from then on its rules are fixed. */
export async function startDraft(conn: Connection, round: Named): Promise<boolean> {
  const yes = await ask({
    title: t("org.draft.startTitle", { title: round.title }),
    body: t("org.draft.startBody"),
    confirmLabel: t("org.draft.start"),
  });
  if (!yes) return false;
  const res = unwrap(await conn.call("round:start", { roundId: round.id }, 20_000));
  if (!res) return false;
  await offerProjector(conn, round, res.liveRound, {
    done: "org.draft.started",
    kept: "org.draft.startedKept",
  });
  return true;
}

/** Replaces a draft's file with a corrected one; null when it went through. */
export async function reimportDraft(
  conn: Connection,
  round: Named,
  file: unknown,
): Promise<ImportProblem | null> {
  const res = await conn.call("round:import", { file, roundId: round.id }, 20_000);
  if (!res.ok) return { message: tError(res.error), issues: res.issues ?? [] };
  const named = (file as { title?: unknown }).title;
  toast(t("org.draft.reimported", { title: typeof named === "string" ? named : round.title }));
  return null;
}

/**
 * Saves the draft's round file as it stands. A download, not the clipboard: the page is
 * plain http in the hall, where browsers offer no clipboard API.
 */
export async function downloadRoundFile(conn: Connection, round: Named): Promise<void> {
  const res = unwrap(await conn.call("round:file", { roundId: round.id }));
  if (!res) return;
  const body = `${JSON.stringify(res.file, null, 2)}\n`;
  saveBlob(new Blob([body], { type: "application/json" }), roundFileName(round));
}

export async function deleteRound(conn: Connection, round: Named): Promise<boolean> {
  const yes = await ask({
    title: t("org.round.deleteTitle", { title: round.title }),
    body: t("org.round.deleteBody"),
    confirmLabel: t("org.round.delete"),
    danger: true,
  });
  if (!yes || !unwrap(await conn.call("round:delete", { roundId: round.id }))) return false;
  toast(t("org.round.deleted", { title: round.title }));
  return true;
}

export async function archiveRound(conn: Connection, round: Named): Promise<boolean> {
  const yes = await ask({
    title: t("org.round.archiveTitle", { title: round.title }),
    body: t("org.round.archiveBody"),
    confirmLabel: t("org.round.archive"),
  });
  if (!yes || !unwrap(await conn.call("round:archive", { roundId: round.id }))) return false;
  toast(t("org.round.archived", { title: round.title }));
  return true;
}
