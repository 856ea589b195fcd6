import { Criterion } from "../../../../../shared/round-file.ts";

/**
 * The criteria the preview can show as a phone would: those the round file would take. One
 * whose maximum is off its step's grid, say, would give the phone's slider a maximum it
 * cannot reach, so it waits until it is fixed; `skipped` counts those.
 */
export function previewRubric(rubric: readonly unknown[]): {
  criteria: Criterion[];
  skipped: number;
} {
  const criteria = rubric.flatMap((c) => {
    const parsed = Criterion.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  return { criteria, skipped: rubric.length - criteria.length };
}
