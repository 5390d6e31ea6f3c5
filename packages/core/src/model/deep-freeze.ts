/**
 * Freezes a value and everything reachable from it through own properties, and returns it. Results are shared
 * (the vocabulary, the decisions built at compile time), so a caller who changes one must not change the next.
 * An object that is already frozen is taken to be deeply frozen: everything this module freezes is, and that
 * keeps freezing a decision built from shared, frozen parts proportional to its new parts.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // A plain array (the common case in results) is its elements: read them directly, without a descriptor each.
  if (
    Array.isArray(value) &&
    Object.getPrototypeOf(value) === Array.prototype &&
    Reflect.ownKeys(value).length === value.length + 1
  ) {
    for (const item of value) deepFreeze(item);
    return value;
  }
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value);
  }
  return value;
}

/**
 * A deeply frozen copy of plain data (objects, arrays, strings, numbers, booleans, null): what a caller passed in
 * can no longer change what Fairpost hands out, and what Fairpost hands out cannot change the caller's object.
 */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // defineProperty, not assignment: a key named `__proto__` stays a key and never sets the prototype.
    Object.defineProperty(copy, key, {
      value: frozenCopy((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return Object.freeze(copy) as T;
}
