/** `target.push(...items)` without spreading: a spread of a very large array overflows the call stack. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
