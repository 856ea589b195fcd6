/**
 * How long a page stays up: long enough to find one's own row and read it from the back of
 * the hall, short enough that a table of three pages comes round within the minute.
 */
export const PAGE_MS = 12_000;

/** The page on show, turning every PAGE_MS while there is more than one; call in a component. */
export function pageCycle(count: () => number): { readonly current: number } {
  let index = $state(0);
  $effect(() => {
    const n = count();
    if (n <= 1) return;
    const id = setInterval(() => {
      index = (index + 1) % n;
    }, PAGE_MS);
    return () => clearInterval(id);
  });
  return {
    // Fewer pages than before (a rerender with new data): start over rather than show nothing.
    get current() {
      return index < count() ? index : 0;
    },
  };
}
