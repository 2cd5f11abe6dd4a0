/**
 * The largest width of any item (0 for none), for lining up columns. A loop, not `Math.max(...items)`:
 * a zone can have more records than a call can take arguments.
 */
export function widest<T>(items: Iterable<T>, width: (item: T) => number): number {
  let max = 0;
  for (const item of items) max = Math.max(max, width(item));
  return max;
}
