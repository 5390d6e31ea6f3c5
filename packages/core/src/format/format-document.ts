import { CaseTableSchema } from '../cases/case-table.js';
import { PolicySchema } from '../model/policy.js';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
} from 'yaml';

/** What a document is formatted as: its keys are put in the order of this schema's fields. */
export type DocumentKind = 'policy' | 'case-table';

/** A zod schema, read through its definition (`_zod.def`) only: the walk needs no zod of its own. */
type Schema = unknown;

const SCHEMAS: Record<DocumentKind, Schema> = { policy: PolicySchema, 'case-table': CaseTableSchema };

/** A formatted document, or where its text could not be read. */
export type FormatResult =
  | { readonly ok: true; readonly kind: DocumentKind; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** The repository's line width: folded text is wrapped to it. */
const WIDTH = 120;

/** The options `yaml` prints with. */
const PRINT = { lineWidth: WIDTH, minContentWidth: 20, indentSeq: true } as const;

/** Text longer than this goes in a folded block (`>-`), so long sentences wrap as paragraphs, not as plain lines. */
const FOLD_AT = 100;

/**
 * Formats a policy or case table in the canonical form: keys in the order the format defines them (unknown keys
 * after, as they were), every map and list in block style, comments kept where they were. JSON stays JSON (two
 * spaces). Only the layout changes: the data is the same before and after, which the caller may check.
 * @example
 * const result = formatDocument(readFileSync('policy.yaml', 'utf8'), 'policy.yaml');
 * if (result.ok) writeFileSync('policy.yaml', result.text);
 */
export function formatDocument(text: string, file: string): FormatResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      ok: false,
      line,
      column: col,
      message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    };
  }
  const kind = kindOf(doc);
  keepLeadingComment(doc);
  orderKeys(doc.contents, SCHEMAS[kind]);
  if (/\.json$/i.test(file)) return { ok: true, kind, text: `${JSON.stringify(doc.toJS(), null, 2)}\n` };
  visit(doc, {
    // Block style, where editors complete best; an empty map or list stays `{}` / `[]` on its key's line, as YAML
    // has no block form for it (and the repository's YAML formatter writes it so).
    Map: (_key, node) => {
      node.flow = node.items.length === 0;
    },
    Seq: (_key, node) => {
      node.flow = node.items.length === 0;
    },
    Scalar: (key, node) => {
      const value = node.value;
      if (key === 'key' || typeof value !== 'string' || value.length <= FOLD_AT) return;
      // Only one-line text with no edge spaces reads back the same from a folded block.
      if (/\n/.test(value) || value !== value.trim()) return;
      node.type = 'BLOCK_FOLDED';
    },
  });
  return { ok: true, kind, text: doc.toString(PRINT) };
}

/**
 * A comment at the top of a file belongs to the file, not to whichever key happens to come first: it is moved to
 * the document so that reordering the keys leaves it at the top.
 */
function keepLeadingComment(doc: Document): void {
  const root = doc.contents;
  const first = isMap(root) ? root.items[0] : undefined;
  const key = first && isScalar(first.key) ? first.key : undefined;
  if (!key?.commentBefore) return;
  doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${key.commentBefore}` : key.commentBefore;
  key.commentBefore = null;
}

/** A case table has `policy` and `cases` and no `rules`; anything else is formatted as a policy. */
function kindOf(doc: Document): DocumentKind {
  const root = doc.contents;
  if (!isMap(root)) return 'policy';
  const keys = new Set(root.items.map((p) => (isScalar(p.key) ? p.key.value : undefined)));
  return keys.has('cases') && keys.has('policy') && !keys.has('rules') ? 'case-table' : 'policy';
}

/** A schema's definition, or undefined for anything that is not a zod schema. */
function defOf(schema: Schema): (Record<string, unknown> & { type: string }) | undefined {
  return (schema as { _zod?: { def?: Record<string, unknown> & { type: string } } } | undefined)?._zod?.def;
}

/** The object shapes a schema may take, looking through optional, default, lazy, union and the like. */
function shapesOf(schema: Schema, depth = 0): Record<string, Schema>[] {
  const def = defOf(schema);
  if (!def || depth > 20) return [];
  switch (def.type) {
    case 'object':
      return [def.shape as Record<string, Schema>];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return shapesOf(def.innerType as Schema, depth + 1);
    case 'lazy':
      return shapesOf((def.getter as () => Schema)(), depth + 1);
    case 'pipe':
      return shapesOf(def.in as Schema, depth + 1);
    case 'union':
      return (def.options as Schema[]).flatMap((option) => shapesOf(option, depth + 1));
    case 'intersection':
      return [...shapesOf(def.left as Schema, depth + 1), ...shapesOf(def.right as Schema, depth + 1)];
    default:
      return [];
  }
}

/** The schema of a list's items, looking through wrappers; undefined when the schema is not a list. */
function elementOf(schema: Schema, depth = 0): Schema {
  const def = defOf(schema);
  if (!def || depth > 20) return undefined;
  switch (def.type) {
    case 'array':
      return def.element as Schema;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return elementOf(def.innerType as Schema, depth + 1);
    case 'lazy':
      return elementOf((def.getter as () => Schema)(), depth + 1);
    case 'pipe':
      return elementOf(def.in as Schema, depth + 1);
    default:
      return undefined;
  }
}

/** The value schema of a record (a scenario's facts, say), so its values are still walked. */
function recordValueOf(schema: Schema): Schema {
  const def = defOf(schema);
  if (!def) return undefined;
  if (def.type === 'record') return def.valueType as Schema;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
    return recordValueOf(def.innerType as Schema);
  return undefined;
}

/** Puts each map's pairs in the order its schema lists its fields, recursively; unknown keys keep their order. */
function orderKeys(node: unknown, schema: Schema): void {
  if (isSeq(node)) {
    const element = elementOf(schema);
    for (const item of node.items) orderKeys(item, element);
    return;
  }
  if (!isMap(node)) return;
  const shapes = shapesOf(schema);
  if (shapes.length === 0) {
    const value = recordValueOf(schema);
    for (const pair of node.items) orderKeys(pair.value, value);
    return;
  }
  const order: string[] = [];
  for (const shape of shapes) for (const key of Object.keys(shape)) if (!order.includes(key)) order.push(key);
  const rank = (pair: Pair<unknown, unknown>) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  // A stable sort: pairs of equal rank (unknown keys) stay in the order they were written.
  node.items = node.items
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index)
    .map(({ pair }) => pair);
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const child = shapes.find((shape) => key in shape)?.[key];
    orderKeys(pair.value as Node, child);
  }
}
