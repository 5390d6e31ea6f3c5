import { z } from 'zod';

/** Where in a zod schema the part JSON Schema cannot represent is, as a readable path, and its zod type. */
export interface UnrepresentablePart {
  readonly path: string;
  readonly type: string;
}

type Def = { type: string } & Record<string, unknown>;

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const representable = (schema: z.ZodType): boolean => {
  try {
    z.toJSONSchema(schema, { unrepresentable: 'throw', cycles: 'ref' });
    return true;
  } catch {
    return false;
  }
};

/** The parts a zod schema is built from, each with the path step that leads to it. */
function childrenOf(schema: z.ZodType): [string, z.ZodType][] {
  const def = defOf(schema);
  const children: [string, z.ZodType][] = [];
  const add = (step: string, child: unknown) => {
    if (child && typeof child === 'object' && '_zod' in child) children.push([step, child as z.ZodType]);
  };
  if (def.type === 'object') {
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) add(`.${key}`, child);
    add('[*]', def.catchall);
  }
  if (def.type === 'array') add('[]', def.element);
  if (def.type === 'union' || def.type === 'tuple') {
    ((def.options ?? def.items) as unknown[]).forEach((child, i) => {
      add(def.type === 'union' ? `|${i}` : `[${i}]`, child);
    });
  }
  if (def.type === 'record') {
    add('{key}', def.keyType);
    add('{value}', def.valueType);
  }
  if (def.type === 'intersection') {
    add('&left', def.left);
    add('&right', def.right);
  }
  if (def.type === 'pipe') {
    add('>in', def.in);
    add('>out', def.out);
  }
  if (def.type === 'lazy') add('', (def.getter as () => unknown)());
  add('', def.innerType);
  return children;
}

/**
 * Finds the innermost part of a schema that `z.toJSONSchema` refuses, so that the generator's error says where
 * (`.rules[].when`) and not only what. Visits each schema once, so recursive schemas terminate. Returns nothing
 * when the whole schema is representable.
 */
export function locateUnrepresentable(schema: z.ZodType): UnrepresentablePart | undefined {
  const seen = new Set<z.ZodType>();
  const visit = (current: z.ZodType, path: string): UnrepresentablePart | undefined => {
    if (seen.has(current) || representable(current)) return undefined;
    seen.add(current);
    for (const [step, child] of childrenOf(current)) {
      const found = visit(child, path + step);
      if (found) return found;
    }
    return { path, type: defOf(current).type };
  };
  return visit(schema, '');
}
