import fc from 'fast-check';

/** One step into a JSON document. */
type Step = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A change to one place in a document, as a person editing a policy by hand might make. */
export type Mutation =
  | { kind: 'delete'; at: Step[] }
  | { kind: 'replace'; at: Step[]; value: Json }
  | { kind: 'add-key'; at: Step[]; key: string; value: Json }
  | { kind: 'duplicate'; at: Step[] };

/** Values that are right somewhere in a policy and wrong almost everywhere else. */
const VALUES: Json[] = [
  '',
  'twitter',
  'own-time',
  'personal',
  'custom.phase',
  'custom-buddy',
  'comms-team',
  'PT24H',
  'P',
  'rule-1',
  'Not Kebab',
  42,
  true,
  false,
  null,
  [],
  {},
  ['personal'],
  { fact: 'context.time', is: 'own-time' },
];
/** Keys that exist somewhere in a policy, and one that exists nowhere. */
const KEYS = ['extra', 'all', 'any', 'not', 'is', 'in', 'isNot', 'title', 'topic', 'id', 'fact', 'reason'];

/** Every path to a value inside a document (the root excluded), in document order. */
export function pathsOf(document: Json, prefix: Step[] = []): Step[][] {
  if (Array.isArray(document)) {
    return document.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  }
  if (document !== null && typeof document === 'object') {
    return Object.entries(document).flatMap(([key, value]) => [
      [...prefix, key],
      ...pathsOf(value, [...prefix, key]),
    ]);
  }
  return [];
}

/** Mutations of a document: each picks one of its paths, so every part of it can be broken. */
export function arbitraryMutation(document: Json): fc.Arbitrary<Mutation> {
  const paths = [[], ...pathsOf(document)];
  const at = fc.constantFrom(...paths);
  const value = fc.constantFrom(...VALUES);
  return fc.oneof(
    at.filter((p) => p.length > 0).map((p): Mutation => ({ kind: 'delete', at: p })),
    fc
      .tuple(
        at.filter((p) => p.length > 0),
        value,
      )
      .map(([p, v]): Mutation => ({ kind: 'replace', at: p, value: v })),
    fc
      .tuple(at, fc.constantFrom(...KEYS), value)
      .map(([p, key, v]): Mutation => ({ kind: 'add-key', at: p, key, value: v })),
    at.map((p): Mutation => ({ kind: 'duplicate', at: p })),
  );
}

/** Applies a mutation to a copy of the document; a mutation that does not fit the place leaves it unchanged. */
export function applyMutation<T>(document: T, mutation: Mutation): T {
  const copy = structuredClone(document) as Json;
  const parentPath = mutation.at.slice(0, -1);
  const last = mutation.at[mutation.at.length - 1];
  const target = (path: Step[]): Json | undefined =>
    path.reduce<Json | undefined>(
      (node, step) =>
        node !== null && typeof node === 'object' ? (node as Record<string, Json>)[step] : undefined,
      copy,
    );
  const parent = target(parentPath);
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (parent && typeof parent === 'object' && typeof last === 'string')
        delete (parent as Record<string, Json>)[last];
      break;
    case 'replace':
      if (parent && typeof parent === 'object' && last !== undefined) {
        (parent as Record<string, Json>)[last] = structuredClone(mutation.value);
      }
      break;
    case 'add-key': {
      const node = target(mutation.at);
      if (node && typeof node === 'object' && !Array.isArray(node))
        node[mutation.key] = structuredClone(mutation.value);
      break;
    }
    case 'duplicate': {
      const node = target(mutation.at);
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(node[0]!));
      break;
    }
  }
  return copy as T;
}
