import type { VoterGroup } from "../setup/person.ts";
import type { RegisterFileError, RegisterIssue } from "../setup/staff-register.ts";

/**
 * The staff register's HTTP routes (docs/protocol.md, "HTTP"): a file is uploaded twice, once
 * to preview what saving it would do and once to save it, named by its SHA-256 so that what
 * is saved is exactly what was previewed.
 */
export interface RegisterPreview {
  fileSha256: string;
  /** Rows read without problems. */
  people: number;
  /** Every problem, with its line; any that is not a warning blocks the import. */
  problems: RegisterIssue[];
  /** People per voter group in the file: the default number of cards per group. */
  groupCounts: Record<VoterGroup, number>;
  /** By staff number, against the register as it stands. */
  changes: { added: string[]; updated: string[]; unchanged: number; absent: number };
  importable: boolean;
}

export interface RegisterImported {
  created: number;
  updated: number;
  unchanged: number;
  relationships: { added: number; changed: number; removed: number };
}

/** A refused file: why (translated from `register.file.*`), with what the sentence needs. */
export interface RegisterFileRefusal {
  ok: false;
  error: "invalid_register_file";
  reason: RegisterFileError | "hasProblems" | "changedSincePreview";
  params?: Record<string, number>;
}
