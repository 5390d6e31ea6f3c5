/**
 * The fuzz targets behind `pnpm fuzz` and its small run in the test suite: totality (the parsers and the planner
 * never throw and never take a second, whatever they are given), limits (each limit its own code, the same verdict
 * every time) and the differential between the engine and the independent reference evaluator.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  LIMIT_CODES,
  LIMITS,
  MAX_CONDITION_DEPTH,
  nextQuestion,
  type Policy,
  parsePolicy,
  parsePolicySource,
  parseScenario,
  type Scenario,
} from '../../index.js';
import { arbitraryPolicy } from '../arbitrary-policy.js';
import { arbitraryCompleteScenario, arbitraryScenario, completionsOf } from '../arbitrary-scenario.js';
import { arbitraryMutation } from './policy-mutations.js';
import { referenceDecide, referenceDuties } from './reference-evaluator.js';
import { SMALL_FACTS } from './small-facts.js';

/** What a target reports for one input: nothing when all is well, else a disagreement in words. */
export interface FuzzTarget<T> {
  readonly name: string;
  /** Parse targets share the parse budget, evaluate targets the evaluate budget. */
  readonly budget: 'parse' | 'evaluate';
  readonly arbitrary: fc.Arbitrary<T>;
  check(value: T): string | undefined;
}

/** The longest one call may take: the better of two tries (see `judge`). */
export const SLOW_MS = 1000;

/** The engine's two code paths (generated code, and closures with `generateCode: false`), each against the reference. */
export const ENGINE_PATHS: readonly { name: string; compile(policy: Policy): CompiledPolicy }[] = [
  { name: 'generated', compile: (policy) => compilePolicy(policy) },
  { name: 'interpreted', compile: (policy) => compilePolicy(policy, { generateCode: false }) },
];

const isIssueList = (issues: unknown) =>
  Array.isArray(issues) &&
  issues.length > 0 &&
  issues.every((i) => typeof i.code === 'string' && typeof i.message === 'string' && Array.isArray(i.path));

/** A result of parsePolicy or parseScenario is well formed: ok with a value, or not ok with located issues. */
function wellFormedResult(result: { ok: boolean; issues?: unknown }): string | undefined {
  if (result.ok) return undefined;
  return isIssueList(result.issues) ? undefined : `malformed result ${JSON.stringify(result).slice(0, 200)}`;
}

/** Values that misbehave when read: throwing getters and Proxy traps, revoked Proxies, cycles, class instances. */
function hostile(value: unknown, how: number): unknown {
  const thrown = [Symbol('thrown'), Object.create(null), new Error('thrown'), undefined][how % 4];
  switch (how % 6) {
    case 0:
      return Object.defineProperty({ ...(value as object) }, 'rules', {
        get() {
          throw thrown;
        },
        enumerable: true,
      });
    case 1:
      return new Proxy(typeof value === 'object' && value !== null ? value : {}, {
        ownKeys() {
          throw thrown;
        },
      });
    case 2: {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return { value, proxy };
    }
    case 3: {
      const cycle: Record<string, unknown> = { value };
      cycle.again = [cycle];
      return cycle;
    }
    case 4:
      return Object.assign(Object.create({ inherited: true }), { rules: [] });
    default:
      return new (class Policy {
        readonly value = value;
      })();
  }
}

/** Any value, a generated policy with any part replaced by any value, or a hostile value. */
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withBoxedValues: true,
  }),
  fc
    .tuple(arbitraryPolicy({ maxRules: 3, everyField: true }), fc.anything(), fc.nat(), fc.nat())
    .map(([policy, value, a, b]) => replaceSomewhere(policy, value, a, b)),
  fc.tuple(fc.anything(), fc.nat()).map(([value, how]) => hostile(value, how)),
  fc
    .tuple(arbitraryPolicy({ maxRules: 3 }), fc.nat(), fc.nat())
    .map(([policy, a, how]) => replaceSomewhere(policy, hostile(policy, how), a, a)),
);

/** The policy with the value at some path (chosen by `a` and `b`) replaced. */
function replaceSomewhere(policy: unknown, value: unknown, a: number, b: number): unknown {
  const root = structuredClone(policy) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (let step = 0; step < 1 + (b % 5); step++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(a + step * 7) % keys.length]!;
    const next = node[key];
    if (typeof next !== 'object' || next === null || step === b % 5) {
      node[key] = value;
      return root;
    }
    node = next as Record<string, unknown>;
  }
  return root;
}

/** Text of a generated policy (JSON or YAML) with a few characters inserted, deleted or duplicated. */
const policyText: fc.Arbitrary<{ text: string; filename: string }> = fc
  .tuple(
    arbitraryPolicy({ maxRules: 4, everyField: true }),
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(8),
        fc.constantFrom(
          '',
          ' ',
          '\r',
          '\n',
          '\t',
          '"',
          ',',
          '{',
          '}',
          '[',
          ']',
          ':',
          '\\',
          '\ufeff',
          'é',
          '&',
          '- ',
          '#',
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([policy, json, edits]) => {
    let text = json ? JSON.stringify(policy, null, 2) : stringify(policy);
    for (const [at, cut, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + cut);
    }
    return { text, filename: json ? 'fuzz.json' : 'fuzz.yaml' };
  });

const jsonParse = (text: string): { ok: boolean; value?: unknown } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** Inputs over one limit, and the code that limit reports. */
const overLimit: fc.Arbitrary<{ input: unknown; code: string }> = fc.oneof(
  fc.nat(200).map((extra) => {
    let condition: unknown = { fact: 'account.kind', is: 'personal' };
    for (let i = 1; i < MAX_CONDITION_DEPTH + 1 + (extra % 60); i++)
      condition = i % 2 ? { not: condition } : { all: [condition] };
    return {
      input: {
        ...minimalPolicy(),
        rules: [{ id: 'deep', when: condition, outcome: 'permitted', reason: 'r' }],
      },
      code: LIMIT_CODES.conditionDepth,
    };
  }),
  fc.nat(1000).map((extra) => ({
    input: { ...minimalPolicy(), title: 't'.repeat(LIMITS.stringLength + 1 + extra) },
    code: LIMIT_CODES.stringLength,
  })),
  fc.nat(100).map((extra) => ({
    input: {
      ...minimalPolicy(),
      rules: Array.from({ length: LIMITS.rules + 1 + extra }, (_, i) => ({
        id: `r-${i}`,
        when: { fact: 'account.kind', is: 'personal' },
        outcome: 'permitted',
        reason: 'r',
      })),
    },
    code: LIMIT_CODES.rules,
  })),
  fc.nat(100).map((extra) => {
    let list: unknown = [];
    for (let i = 0; i < LIMITS.documentDepth + 1 + extra; i++) list = [list];
    return { input: { ...minimalPolicy(), principles: list }, code: LIMIT_CODES.documentDepth };
  }),
);

function minimalPolicy() {
  return {
    schemaVersion: '1.0.0',
    id: 'fuzz',
    title: 'Fuzz',
    organisation: 'Example',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    resolution: 'first-match',
    default: { outcome: 'permitted', reason: 'r' },
    rules: [],
  };
}

const FACTS = SMALL_FACTS;

const policyAndScenarios = arbitraryPolicy({ facts: FACTS, maxRules: 6, maxDuties: 2 }).chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    complete: arbitraryCompleteScenario(compilePolicy(policy), FACTS),
    partial: arbitraryScenario(compilePolicy(policy), FACTS),
  }),
);

const ids = (rules: readonly ({ id: string } | null)[]) => rules.map((r) => r?.id ?? null);

/** Where the engine and the reference disagree on a complete scenario, in words. */
function differFromReference(
  compiled: CompiledPolicy,
  policy: Policy,
  scenario: Scenario,
): string | undefined {
  const decision = evaluate(compiled, scenario);
  const expected = referenceDecide(policy, scenario);
  const got = {
    outcome: decision.outcome,
    deciders: decision.decidedBy.map((d) => d.ruleId),
    conditions: decision.conditions.map((c) => c.id),
    reviewers: decision.reviewers.map((r) => r.id),
    duties: decision.duties.map((d) => d.dutyId),
  };
  const want = {
    outcome: expected.outcome,
    deciders: ids(expected.deciders),
    conditions: expected.conditions,
    reviewers: expected.reviewers,
    duties: referenceDuties(policy, scenario),
  };
  const same = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  if (
    got.outcome !== want.outcome ||
    !same(got.deciders, want.deciders) ||
    !same(got.conditions, want.conditions) ||
    !same(got.reviewers, want.reviewers) ||
    got.duties.join() !== want.duties.join()
  ) {
    return `engine ${JSON.stringify(got)} but reference ${JSON.stringify(want)}`;
  }
  if (JSON.stringify(evaluate(compiled, scenario, { trusted: true })) !== JSON.stringify(decision)) {
    return 'the trusted path decides differently';
  }
  return undefined;
}

/** Where the engine's decision on a partial scenario is not what every completion says, in words. */
function differOnPartial(compiled: CompiledPolicy, policy: Policy, partial: Scenario): string | undefined {
  const decision = evaluate(compiled, partial);
  const outcomes = new Set(completionsOf(compiled, partial).map((s) => referenceDecide(policy, s).outcome));
  const expected = outcomes.size === 1 ? [...outcomes][0]! : 'undetermined';
  if (decision.outcome !== expected)
    return `partial: engine ${decision.outcome}, completions ${[...outcomes]}`;
  if (
    expected === 'undetermined' &&
    [...decision.possibleOutcomes].sort().join() !== [...outcomes].sort().join()
  ) {
    return `partial: possible ${decision.possibleOutcomes}, completions ${[...outcomes]}`;
  }
  // Settled means every completion gets the same outcome, conditions and reviewers (what neededFacts covers).
  const answers = new Set(
    completionsOf(compiled, partial).map((s) => {
      const r = referenceDecide(policy, s);
      return JSON.stringify([r.outcome, [...r.conditions].sort(), [...r.reviewers].sort()]);
    }),
  );
  if ((decision.neededFacts.length === 0) !== (answers.size === 1)) {
    return `neededFacts ${JSON.stringify(decision.neededFacts)} but the completions give ${answers.size} answers`;
  }
  const next = nextQuestion(compiled, partial);
  if (!next.ok) return `nextQuestion refused a valid scenario: ${next.issues[0]?.message}`;
  const question = next.question;
  if ((question === undefined) !== (answers.size === 1)) {
    return `nextQuestion ${question ? `asks ${question.fact}` : 'says settled'} but the completions give ${answers.size} answers`;
  }
  return undefined;
}

/** A target with its input type forgotten, so targets of different inputs share one list. */
const target = <T>(t: FuzzTarget<T>): FuzzTarget<unknown> => t as unknown as FuzzTarget<unknown>;

/** Every fuzz target. */
export const FUZZ_TARGETS: readonly FuzzTarget<unknown>[] = [
  target({
    name: 'parsePolicy: any value',
    budget: 'parse',
    arbitrary: anyInput,
    check: (input: unknown) => wellFormedResult(parsePolicy(input)),
  }),
  target({
    name: 'parsePolicy: mutated policies are refused with the mutation’s code',
    budget: 'parse',
    arbitrary: arbitraryPolicy({ maxRules: 4, everyField: true })
      .filter((p) => p.rules.length > 0)
      .chain(arbitraryMutation),
    check: (mutation: { policy: unknown; code: string }) => {
      const result = parsePolicy(mutation.policy);
      if (result.ok) return `accepted a ${mutation.code} mutation`;
      return result.issues.some((i) => i.code === mutation.code) ? undefined : `no ${mutation.code} issue`;
    },
  }),
  target({
    name: 'parsePolicySource: mutated text agrees with JSON.parse',
    budget: 'parse',
    arbitrary: policyText,
    check: ({ text, filename }: { text: string; filename: string }) => {
      const result = parsePolicySource(text, { filename });
      const problem = wellFormedResult(result);
      if (problem) return problem;
      if (!result.ok && result.issues.some((i) => !(i.line! >= 1 && i.column! >= 1)))
        return 'an issue without a position';
      if (filename.endsWith('.json')) {
        const parsed = jsonParse(text.replace(/^\ufeff/, ''));
        const duplicate = !result.ok && result.issues.some((i) => i.code === 'duplicate-key');
        if (parsed.ok && !duplicate) {
          const direct = parsePolicy(parsed.value);
          if (direct.ok !== result.ok)
            return `JSON.parse then parsePolicy says ${direct.ok}, parsePolicySource ${result.ok}`;
        } else if (!parsed.ok && result.ok) return 'accepted text JSON.parse refuses';
      }
      return undefined;
    },
  }),
  target({
    name: 'parseScenario: any value',
    budget: 'parse',
    arbitrary: anyInput,
    check: (input: unknown) => wellFormedResult(parseScenario(input)),
  }),
  target({
    name: 'limits: each its own code, the same verdict twice',
    budget: 'parse',
    arbitrary: overLimit,
    check: ({ input, code }: { input: unknown; code: string }) => {
      const first = parsePolicy(input);
      const second = parsePolicy(input);
      if (first.ok) return `accepted input over the ${code} limit`;
      const codes = first.issues.map((i) => i.code).join();
      if (codes !== code) return `expected ${code}, found ${codes}`;
      return JSON.stringify(first) === JSON.stringify(second)
        ? undefined
        : 'a different verdict the second time';
    },
  }),
  target({
    name: 'evaluate: engine paths against the reference evaluator',
    budget: 'evaluate',
    arbitrary: policyAndScenarios,
    check: ({ policy, complete, partial }: { policy: Policy; complete: Scenario; partial: Scenario }) => {
      for (const path of ENGINE_PATHS) {
        const compiled = path.compile(policy);
        const problem =
          differFromReference(compiled, policy, complete) ?? differOnPartial(compiled, policy, partial);
        if (problem) return `${path.name}: ${problem}`;
      }
      return undefined;
    },
  }),
  target({
    name: 'nextQuestion: an invalid scenario is an error, never settled',
    budget: 'evaluate',
    arbitrary: fc.tuple(arbitraryPolicy({ maxRules: 3 }), anyInput),
    check: ([policy, scenario]: [Policy, unknown]) => {
      const compiled = compilePolicy(policy);
      const valid = parseScenario(scenario, compiled).ok;
      try {
        const next = nextQuestion(compiled, scenario as Scenario);
        if (next.ok !== valid) return valid ? 'refused a valid scenario' : `answered for an invalid scenario`;
        return undefined;
      } catch (error) {
        return `threw ${String(error)}`;
      }
    },
  }),
];

/** What one target did over its runs. */
export interface FuzzReport {
  readonly target: string;
  readonly runs: number;
  readonly throws: number;
  readonly slow: number;
  readonly disagreements: number;
  readonly slowestMs: number;
  readonly ms: number;
  /** The first failure, shrunk, with what replays it. */
  readonly failure?: FuzzRegression;
}

/** A failure kept so that it is tried again on every test run. */
export interface FuzzRegression {
  readonly target: string;
  readonly seed: number;
  readonly path: string;
  readonly problem: string;
  readonly counterexample: string;
}

type Verdict = { kind: 'ok' } | { kind: 'throw' | 'slow' | 'disagreement'; problem: string };

function judge<T>(target: FuzzTarget<T>, value: T, slowMs: number): Verdict & { ms: number } {
  const start = performance.now();
  let problem: string | undefined;
  try {
    problem = target.check(value);
  } catch (error) {
    return { kind: 'throw', problem: `threw ${describe(error)}`, ms: performance.now() - start };
  }
  let ms = performance.now() - start;
  if (problem !== undefined) return { kind: 'disagreement', problem, ms };
  if (ms > slowMs) {
    // A slow input is slow every time. One slow call may be the first of its kind (code not yet compiled, a module
    // loaded lazily) or the machine busy elsewhere, so an input counts as slow only when a second try is slow too:
    // its time is the better of the two.
    const again = performance.now();
    try {
      problem = target.check(value);
    } catch (error) {
      return { kind: 'throw', problem: `threw ${describe(error)} the second time`, ms };
    }
    if (problem !== undefined) return { kind: 'disagreement', problem: `${problem} (the second time)`, ms };
    ms = Math.min(ms, performance.now() - again);
    if (ms > slowMs) return { kind: 'slow', problem: `took ${Math.round(ms)} ms, twice`, ms };
  }
  return { kind: 'ok', ms };
}

/** A counterexample as text, even one whose getters throw. */
function printable(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 2000);
  } catch (error) {
    return `(a value that throws ${describe(error)} when printed)`;
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an unprintable value';
  }
}

/**
 * Runs one target `runs` times from `seed`, counting throws, slow calls and disagreements; when any is found, runs
 * it again to shrink the first failure to a small counterexample that `replay` can try again. A call is slow past
 * `slowMs` (default `SLOW_MS`) on two tries.
 */
export function runFuzzTarget(
  target: FuzzTarget<unknown>,
  runs: number,
  seed: number,
  slowMs = SLOW_MS,
): FuzzReport {
  const counts = { throws: 0, slow: 0, disagreements: 0, slowestMs: 0 };
  const start = performance.now();
  fc.check(
    fc.property(target.arbitrary, (value) => {
      const verdict = judge(target, value, slowMs);
      counts.slowestMs = Math.max(counts.slowestMs, verdict.ms);
      if (verdict.kind === 'throw') counts.throws++;
      else if (verdict.kind === 'slow') counts.slow++;
      else if (verdict.kind === 'disagreement') counts.disagreements++;
      return true;
    }),
    { numRuns: runs, seed },
  );
  const ms = performance.now() - start;
  const report = { target: target.name, runs, ...counts, ms };
  if (counts.throws + counts.slow + counts.disagreements === 0) return report;
  let problem = '';
  const shrunk = fc.check(
    fc.property(target.arbitrary, (value) => {
      const verdict = judge(target, value, slowMs);
      if (verdict.kind === 'ok') return true;
      problem = verdict.problem;
      return false;
    }),
    { numRuns: runs, seed },
  );
  if (!shrunk.failed) return report;
  return {
    ...report,
    failure: {
      target: target.name,
      seed: shrunk.seed,
      path: shrunk.counterexamplePath ?? '',
      problem,
      counterexample: printable(shrunk.counterexample),
    },
  };
}

/** Tries a kept failure again: the problem it shows now, or nothing once it is fixed. */
export function replay(regression: FuzzRegression): string | undefined {
  const target = FUZZ_TARGETS.find((t) => t.name === regression.target);
  if (!target) return `no target named ${regression.target}`;
  let problem: string | undefined;
  fc.check(
    fc.property(target.arbitrary, (value) => {
      const verdict = judge(target, value, SLOW_MS);
      if (verdict.kind !== 'ok') problem = verdict.problem;
      return verdict.kind === 'ok';
    }),
    { seed: regression.seed, path: regression.path, endOnFailure: true },
  );
  return problem;
}
