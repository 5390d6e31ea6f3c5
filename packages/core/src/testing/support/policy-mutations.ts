/**
 * Mutations that break a valid policy's fit with the vocabulary, each with the issue `parsePolicy` must report:
 * its code and the path of the mutated place.
 */
import fc from 'fast-check';
import type { IssueCode, PathSegment, Policy } from '../../index.js';
import { resolveVocabulary } from '../../index.js';

type Json = Record<string, unknown>;

/** A broken copy of a policy and the issue that must point at the break. */
export interface Mutation {
  readonly kind: string;
  readonly policy: Json;
  readonly code: IssueCode;
  readonly path: readonly PathSegment[];
  /** Whether the published `PolicySchema` alone can see the break (it cannot see ids and declarations). */
  readonly schemaSees: boolean;
}

interface FactTestSite {
  readonly path: PathSegment[];
  readonly test: Json & { fact: string };
}

/** Every fact test in a condition, with its path. */
function factTests(condition: Json, path: PathSegment[]): FactTestSite[] {
  for (const key of ['all', 'any'] as const) {
    const list = condition[key];
    if (Array.isArray(list)) return list.flatMap((c, i) => factTests(c as Json, [...path, key, i]));
  }
  if (condition.not) return factTests(condition.not as Json, [...path, 'not']);
  return [{ path, test: condition as Json & { fact: string } }];
}

function allFactTests(policy: Json): FactTestSite[] {
  const of = (section: 'rules' | 'duties') =>
    ((policy[section] as Json[] | undefined) ?? []).flatMap((item, i) =>
      factTests(item.when as Json, [section, i, 'when']),
    );
  return [...of('rules'), ...of('duties')];
}

function get(root: Json, path: readonly PathSegment[]): Json {
  return path.reduce<unknown>((node, key) => (node as Json)[key as string], root) as Json;
}

const OPERATORS = ['is', 'isNot', 'in', 'notIn'] as const;
const SET_OPERATORS = ['includes', 'includesAny', 'includesAll'] as const;

/** Replaces the value(s) of a fact test with `value` (inside a list for `in`/`notIn`). */
function setTestValue(test: Json, value: unknown): void {
  const op = OPERATORS.find((o) => test[o] !== undefined)!;
  test[op] = op === 'in' || op === 'notIn' ? [...(test[op] as unknown[]), value] : value;
}

/** Every vocabulary-breaking mutation that applies to the policy, as arbitraries over where it is made. */
export function arbitraryMutation(policy: Policy): fc.Arbitrary<Mutation> {
  const clone = () => structuredClone(policy) as unknown as Json;
  const vocabulary = resolveVocabulary(policy.custom);
  const isBoolean = (fact: string) => vocabulary.facts.get(fact)?.type === 'boolean';
  const isSet = (fact: string) => vocabulary.facts.get(fact)?.type === 'set';
  // The published schema knows the standard facts' values, but takes any `custom.…` name and value.
  const schemaSees = (site: FactTestSite) => !site.test.fact.startsWith('custom.');
  const sites = allFactTests(clone());
  const enumSites = sites.filter((s) => !isBoolean(s.test.fact) && !isSet(s.test.fact));
  const setSites = sites.filter((s) => isSet(s.test.fact));
  const boolSites = sites.filter((s) => isBoolean(s.test.fact));
  const options: fc.Arbitrary<Mutation>[] = [];
  const atSite = (
    among: FactTestSite[],
    kind: string,
    code: IssueCode,
    change: (test: Json) => void,
    pathOf: (site: FactTestSite) => PathSegment[],
  ) => {
    if (among.length === 0) return;
    options.push(
      fc.nat({ max: among.length - 1 }).map((n) => {
        const copy = clone();
        const site = among[n]!;
        change(get(copy, site.path));
        return { kind, policy: copy, code, path: pathOf(site), schemaSees: schemaSees(site) };
      }),
    );
  };
  atSite(
    sites,
    'unknown fact',
    'unknown-fact',
    (t) => {
      t.fact = `${t.fact}Typo`;
    },
    (s) => [...s.path, 'fact'],
  );
  // A member the set fact does not list: the issue points at the member itself.
  const setOperator = (t: Json) => SET_OPERATORS.find((o) => t[o] !== undefined)!;
  atSite(
    setSites,
    'member the set lacks',
    'invalid-fact-value',
    (t) => {
      const op = setOperator(t);
      t[op] = op === 'includes' ? 'no-such-member' : [...(t[op] as unknown[]), 'no-such-member'];
    },
    (s) => {
      const op = setOperator(s.test);
      return op === 'includes' ? [...s.path, op] : [...s.path, op, (s.test[op] as unknown[]).length];
    },
  );
  atSite(
    enumSites,
    'value the fact lacks',
    'invalid-fact-value',
    (t) => setTestValue(t, 'no-such-value'),
    (s) => s.path,
  );
  atSite(
    enumSites,
    'boolean given to an enum fact',
    'invalid-fact-value',
    (t) => setTestValue(t, true),
    (s) => s.path,
  );
  atSite(
    boolSites,
    'string given to a boolean fact',
    'invalid-fact-value',
    (t) => setTestValue(t, 'yes'),
    (s) => s.path,
  );

  const refs: PathSegment[][] = [];
  const json = clone();
  (json.rules as Json[]).forEach((rule, i) => {
    for (const key of ['conditions', 'reviewers'] as const) {
      ((rule[key] as string[] | undefined) ?? []).forEach((_, j) => {
        refs.push(['rules', i, key, j]);
      });
    }
  });
  ((json.duties as Json[] | undefined) ?? []).forEach((_, i) => {
    refs.push(['duties', i, 'action'], ['duties', i, 'holder']);
  });
  ((json.commitments as Json[] | undefined) ?? []).forEach((_, i) => {
    refs.push(['commitments', i, 'commitment']);
  });
  if (refs.length > 0) {
    options.push(
      fc.nat({ max: refs.length - 1 }).map((n) => {
        const copy = clone();
        const path = refs[n]!;
        get(copy, path.slice(0, -1))[path.at(-1) as string] = 'no-such-entry';
        return {
          kind: 'unknown catalogue id',
          policy: copy,
          code: 'unknown-catalogue-entry',
          path,
          schemaSees: true,
        };
      }),
    );
  }

  const rules = json.rules as Json[];
  if (rules.length >= 2) {
    options.push(
      fc
        .tuple(fc.nat({ max: rules.length - 1 }), fc.nat({ max: rules.length - 1 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => {
          const [first, second] = a < b ? [a, b] : [b, a];
          const copy = clone();
          const list = copy.rules as Json[];
          list[second]!.id = list[first]!.id;
          return {
            kind: 'duplicate rule id',
            policy: copy,
            code: 'duplicate-id',
            path: ['rules', second, 'id'],
            schemaSees: false,
          };
        }),
    );
  }
  const withSource = rules.flatMap((r, i) => (r.source ? [i] : []));
  if (withSource.length > 0) {
    options.push(
      fc.constantFrom(...withSource).map((i) => {
        const copy = clone();
        ((copy.rules as Json[])[i]!.source as Json).document = 'no-such-source';
        return {
          kind: 'unknown source document',
          policy: copy,
          code: 'unknown-source',
          path: ['rules', i, 'source', 'document'],
          schemaSees: false,
        };
      }),
    );
  }
  // Every generated rule has a source, so a policy with a rule always has a mutation.
  if (options.length === 0) throw new Error('arbitraryMutation needs a policy with at least one rule');
  return fc.oneof(...options);
}
