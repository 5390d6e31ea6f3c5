/** Every object reachable from a value that is not frozen, by path. */
export function unfrozen(value: unknown, at = '$', seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const own = Object.isFrozen(value) ? [] : [at];
  return [
    ...own,
    ...Object.keys(value).flatMap((k) => unfrozen((value as Record<string, unknown>)[k], `${at}.${k}`, seen)),
  ];
}

/** Tries to change a value; in a module (strict mode) writing to a frozen object throws a TypeError. */
export function tryToChange(change: () => void): unknown {
  try {
    change();
    return undefined;
  } catch (error) {
    return error;
  }
}
