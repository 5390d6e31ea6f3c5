import type { Edition, JsonSchemaDocument } from './json-schema-document.js';

type Node = { [key: string]: unknown };

const DEFS_KEY: Record<Edition, '$defs' | 'definitions'> = { '2020-12': '$defs', 'draft-07': 'definitions' };
/** The definitions zod writes for a condition, which the rewrite folds into one `Condition`. */
const FOLDED = ['FactTest', 'AllOf', 'AnyOf', 'Not'] as const;

/** What zod's union says about the tests of one fact: its name schema and each operator's operand schema. */
interface FactTests {
  readonly name: Node;
  readonly operands: Map<string, Node>;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(what: string): never {
  throw new Error(`cannot rewrite the condition schema for validators: ${what}`);
}

/** The one property of a single-key strict object (a fact test's operand, a combinator). */
function soleProperties(node: unknown, where: string): [string, Node][] {
  if (
    !isNode(node) ||
    node.type !== 'object' ||
    node.additionalProperties !== false ||
    !isNode(node.properties)
  ) {
    fail(`${where} is not a closed object`);
  }
  return Object.entries(node.properties).map(([key, value]) => {
    if (!isNode(value)) fail(`${where}.${key} is not a schema`);
    return [key, value];
  });
}

/** The fact tests of zod's union, grouped by fact in the union's order: standard facts by `const`, custom by pattern. */
function factTestsOf(factTest: unknown): FactTests[] {
  if (!isNode(factTest) || !Array.isArray(factTest.anyOf)) fail('FactTest is not a union of fact tests');
  const byFact = new Map<string, FactTests>();
  for (const [i, variant] of factTest.anyOf.entries()) {
    const properties = soleProperties(variant, `FactTest.anyOf[${i}]`);
    const [factEntry, operandEntry, ...more] = properties;
    if (factEntry?.[0] !== 'fact' || !operandEntry || more.length > 0) {
      fail(`FactTest.anyOf[${i}] is not { fact, <operator> }`);
    }
    const name = factEntry[1];
    const key =
      typeof name.const === 'string' ? name.const : typeof name.pattern === 'string' ? name.pattern : '';
    if (key === '') fail(`FactTest.anyOf[${i}].fact has neither a const nor a pattern`);
    const tests = byFact.get(key) ?? { name, operands: new Map<string, Node>() };
    tests.operands.set(operandEntry[0], operandEntry[1]);
    byFact.set(key, tests);
  }
  return [...byFact.values()];
}

/**
 * An operand schema as zod wrote it, made to fail once per wrong value: an enum keeps its values and drops its
 * `type` (a number would fail both), and a custom fact's string-or-boolean becomes `if`/`else` (`anyOf` would fail
 * three times, and ajv's strict mode refuses `type: ["string", "boolean"]`).
 */
function valueCheck(operand: Node): Node {
  const { description } = operand;
  if (operand.type === 'array') {
    if (!isNode(operand.items)) fail('a list operand has no item schema');
    return { type: 'array', minItems: operand.minItems, items: valueCheck(operand.items), description };
  }
  if (Array.isArray(operand.enum)) return { enum: operand.enum, description };
  if (operand.type === 'boolean') return { type: 'boolean', description };
  if (operand.type === 'string' && operand.pattern === undefined) return { type: 'string', description };
  if (Array.isArray(operand.anyOf)) {
    const types = operand.anyOf.map((branch) => (isNode(branch) ? branch.type : undefined));
    if (types.join() !== 'string,boolean') fail(`a value schema is anyOf ${JSON.stringify(types)}`);
    return { if: { type: 'boolean' }, else: { type: 'string' }, description };
  }
  return fail(`a value schema has an unexpected shape: ${JSON.stringify(operand)}`);
}

/** A JSON Schema `if`/`then`. */
function ifThen(condition: Node, consequence: Node): Node {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, in plain data nobody awaits.
  return { if: condition, then: consequence };
}

/**
 * The published documents' one rewrite for outside tools (ajv, editors). zod writes a condition as a union of 84
 * objects (each standard fact with each operator, a custom fact, `all`, `any`, `not`); a validator that does not
 * know which branch was meant reports every branch's failure — 170 errors for one wrong value, and editors print
 * them all. This folds the union into one closed object whose branch is chosen by key and by fact name:
 * - `fact`, the operators (four for one-value facts, three for set facts) and the three combinators are its
 *   properties; `fact` is one of the standard names or a custom name;
 * - one form per condition: an operator needs `fact` beside it, `fact` needs one operator (`is` when none is
 *   written), a combinator stands alone;
 * - for each fact, `if` the test names it, `then` its operands take only its values, and the operators it does not
 *   take are refused (`is` on a set fact, `includes` on a one-value fact).
 * So a wrong value gives two errors (the value with the allowed ones, and the fact's `then`), at any depth. The
 * accepted documents are exactly those zod's union accepts (a property test checks it); the generated TypeScript
 * still comes from the union, which types each fact's values.
 * Throws when zod's output does not have the shape this expects, so a change upstream cannot slip through.
 */
export function conditionKeyedByFact(document: JsonSchemaDocument, edition: Edition): JsonSchemaDocument {
  const defsKey = DEFS_KEY[edition];
  const defs = document[defsKey];
  if (!isNode(defs) || !isNode(defs.Condition)) fail(`there is no ${defsKey}.Condition`);
  const tests = factTestsOf(defs.FactTest);
  const combinators = (['AllOf', 'AnyOf', 'Not'] as const).map((name) => {
    const [entry, ...more] = soleProperties(defs[name], name);
    if (!entry || more.length > 0) fail(`${name} does not have exactly one key`);
    return entry;
  });
  // Every operator some fact takes (a set fact takes the set operators, other facts the one-value ones); each
  // fact's branch below refuses the operators it does not take.
  const operators = [...new Set(tests.flatMap((test) => [...test.operands.keys()]))];
  if (operators.length === 0) fail('there are no fact tests');
  const standard = tests.filter((test) => typeof test.name.const === 'string');
  const custom = tests.filter((test) => typeof test.name.pattern === 'string');
  if (custom.length !== 1 || standard.length + custom.length !== tests.length) {
    fail('expected standard facts by const and one custom fact pattern');
  }
  const customName = custom[0]!.name;
  const factTest = defs.FactTest as Node;
  // The description of each operator, from the first fact that takes it.
  const exampleOperands = new Map<string, Node>();
  for (const op of operators)
    exampleOperands.set(op, tests.find((test) => test.operands.has(op))!.operands.get(op)!);

  const first = operators[0]!;
  const described: Record<string, Node> = {
    [first]: { description: exampleOperands.get(first)!.description },
  };
  const factName: Node = {
    title: 'Fact name',
    description: 'The fact tested: one of the vocabulary’s facts, or a custom fact `custom.<name>`.',
    anyOf: [
      // No `type` beside the enum: a missing name would fail twice, and editors would say both.
      { enum: standard.map((test) => test.name.const), description: 'A standard fact.' },
      { type: 'string', pattern: customName.pattern, description: customName.description },
    ],
  };
  const combinatorKeys = combinators.map(([key]) => key);
  const oneForm = {
    fact: { maxProperties: 2 },
    ...Object.fromEntries(combinatorKeys.map((key) => [key, { maxProperties: 1 }])),
  };
  const operatorsNeedFact = Object.fromEntries(operators.map((op) => [op, ['fact']]));
  const dependencies =
    edition === 'draft-07'
      ? { dependencies: { ...operatorsNeedFact, ...oneForm } }
      : { dependentRequired: operatorsNeedFact, dependentSchemas: oneForm };

  const branch = (test: FactTests, condition: Node): Node =>
    ifThen(
      { properties: { fact: condition }, required: ['fact'] },
      {
        properties: {
          fact: { description: test.name.description },
          ...Object.fromEntries(
            operators.map((op) => {
              const operand = test.operands.get(op);
              return [op, operand ? valueCheck(operand) : false];
            }),
          ),
        },
      },
    );

  const { Condition, ...rest } = defs;
  const condition: Node = {
    title: Condition.title,
    description: `${Condition.description} ${factTest.description}`,
    type: 'object',
    properties: {
      fact: { $ref: `#/${defsKey}/FactName` },
      // The operands' own checks are in each fact's branch below, so that a wrong one fails once.
      ...Object.fromEntries(
        [...exampleOperands].map(([op, operand]) => [op, { description: operand.description }]),
      ),
      ...Object.fromEntries(combinators),
    },
    additionalProperties: false,
    minProperties: 1,
    ...dependencies,
    allOf: [
      // `fact` alone, and a fact that exists (a misspelt one has its own error): ask for the first operator. The `properties` beside `required` are for ajv's strict mode, which
      // in 2020-12 compiles `allOf` before the condition's own `properties` and would call the keys undefined.
      ifThen(
        { properties: { fact: { $ref: `#/${defsKey}/FactName` } }, required: ['fact'], maxProperties: 1 },
        { properties: { [first]: described[first] }, required: [first] },
      ),
      ...standard.map((test) => branch(test, { const: test.name.const })),
      branch(custom[0]!, { type: 'string', pattern: customName.pattern }),
    ],
  };
  for (const name of FOLDED) delete rest[name];
  const remaining = JSON.stringify({ ...document, [defsKey]: rest });
  for (const name of FOLDED) {
    if (remaining.includes(`"#/${defsKey}/${name}"`)) fail(`${name} is referred to outside a condition`);
  }
  const sorted = Object.fromEntries(
    Object.entries({ ...rest, Condition: condition, FactName: factName }).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    ),
  );
  return { ...document, [defsKey]: sorted };
}
