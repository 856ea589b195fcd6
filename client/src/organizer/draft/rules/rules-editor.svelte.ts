import type { ErrorCode, InputIssue } from "../../../../../shared/errors.ts";
import type { RoundConfig } from "../../../../../shared/round-file.ts";
import type { Connection } from "../../../lib/connection.svelte.ts";
import {
  changedParts,
  composeRules,
  formFromFile,
  moved,
  nextId,
  type RuleParts,
  type RulesForm,
} from "./rules-form.ts";
import { checkRules, issuesBySlot } from "./rules-issues.ts";

/** What a save came to: the file as saved, or why not (issues shown on the form). */
export type SaveOutcome = { ok: true; file: RoundConfig } | { ok: false; error: ErrorCode };

/** Lists the editor edits row by row, with the id prefix of their new rows. */
const LISTS = { rubric: "c", groups: "g", options: "o" } as const;
type ListName = keyof typeof LISTS;

/**
 * The rules editor's state: the draft's file as last saved, the form over it, and what the
 * shared schema (or, after a save, the server) finds wrong. The form outlives a reconnect
 * and a fresh copy of the file: edits are only dropped when the organizer says so.
 */
export class RulesEditor {
  saved: RoundConfig;
  form: RulesForm;
  saving = $state(false);
  /** The server's issues with the form as it was sent; shown until the form changes. */
  private refused = $state.raw<{ issues: InputIssue[]; sent: string } | null>(null);

  readonly parts: RuleParts;
  /** What the shared schema finds wrong with the draft as it would be saved. */
  readonly localIssues: InputIssue[];
  readonly changes: Partial<RuleParts>;
  readonly dirty: boolean;
  private readonly snapshot: string;
  /** The issues shown: the page's own check, or the server's answer to the form as sent. */
  readonly issues: InputIssue[];
  /** Issues by where the form shows them (issuesBySlot). */
  readonly slots: Map<string, InputIssue[]>;
  readonly canSave: boolean;

  constructor(file: RoundConfig) {
    this.saved = $state.raw(file);
    this.form = $state(formFromFile(file));
    this.parts = $derived(composeRules(this.form));
    this.localIssues = $derived(checkRules(this.saved, this.parts));
    this.changes = $derived(changedParts(this.form, this.saved));
    this.dirty = $derived(Object.keys(this.changes).length > 0);
    this.snapshot = $derived(JSON.stringify(this.form));
    this.issues = $derived.by(() => {
      const refused = this.refused;
      if (this.localIssues.length > 0 || refused?.sent !== this.snapshot) return this.localIssues;
      return refused.issues;
    });
    this.slots = $derived(issuesBySlot(this.issues));
    this.canSave = $derived(!this.saving && this.dirty && this.issues.length === 0);
  }

  /** The draft's file again (after a reconnect, say): the form follows unless it has edits. */
  adopt(file: RoundConfig): void {
    const keep = this.dirty;
    this.saved = file;
    if (!keep) this.form = formFromFile(file);
  }

  discard(): void {
    this.form = formFromFile(this.saved);
    this.refused = null;
  }

  /**
   * Sends the changed parts only: a part left as it was is not sent, so it cannot overwrite
   * what another window saved meanwhile. The form then shows the file as the server keeps it
   * (labels trimmed), unless the organizer typed on while it was on its way.
   */
  async save(conn: Connection, roundId: string): Promise<SaveOutcome | null> {
    if (!this.canSave) return null;
    this.saving = true;
    const sent = this.snapshot;
    const res = await conn.call("draft:rules", { roundId, ...this.changes }, 15_000);
    this.saving = false;
    if (res.ok) {
      this.refused = null;
      this.saved = res.data.file;
      if (this.snapshot === sent) this.form = formFromFile(res.data.file);
      return { ok: true, file: res.data.file };
    }
    if (res.error === "invalid_round_file") this.refused = { issues: res.issues ?? [], sent };
    return { ok: false, error: res.error };
  }

  /** Adds a row at the end of a list; resolves with its index (to focus its first field). */
  add(list: ListName): number {
    const f = this.form;
    if (list === "rubric") {
      f.rubric.push({ id: nextId(LISTS.rubric, f.rubric), label: "", max: "10", step: "0.5" });
      return f.rubric.length - 1;
    }
    if (list === "groups") {
      f.groups.push({ id: nextId(LISTS.groups, f.groups), label: "", weight: "0.1" });
      return f.groups.length - 1;
    }
    f.options.push({
      id: nextId(LISTS.options, f.options),
      label: "",
      points: "0",
      counted: true,
      favourable: false,
    });
    return f.options.length - 1;
  }

  remove(list: ListName, i: number): void {
    this.form[list].splice(i, 1);
  }

  move(list: ListName, i: number, by: -1 | 1): void {
    if (list === "rubric") this.form.rubric = moved(this.form.rubric, i, by);
    else if (list === "groups") this.form.groups = moved(this.form.groups, i, by);
    else this.form.options = moved(this.form.options, i, by);
  }
}
