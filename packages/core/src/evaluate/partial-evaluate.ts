import { factOfDimension } from '../model/condition-node.js';
import { OUTCOMES, type Outcome, outcomeStrictness } from '../model/outcome.js';
import type { Scenario } from '../parse/scenario.js';
import {
  type Domains,
  type MaskCube,
  type MaskRegion,
  maskFacts,
  pointCube,
  regionDependsOn,
  restrictMasks,
  type ScenarioSpace,
  subtractMasks,
} from '../region/region.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { CompiledDuty, CompiledRule, PolicyEngine } from './compile-policy.js';
import { TRUE } from './compile-policy.js';
import { decisionEffects } from './decision-effects.js';
import { engineRegions } from './engine-regions.js';

// Partial evaluation, beside the concrete evaluator (as Cedar keeps `tpe` beside its evaluator): what a policy says
// when some facts are unknown. Exact either way: small completion spaces are enumerated (every completion through
// the same scan as complete scenarios), larger ones are decided by region algebra.

/** What partial evaluation settles about the outcome. */
export interface PartialOutcome {
  /** The rules that decide some completion, in priority order. */
  readonly deciders: readonly CompiledRule[];
  /** Whether the default decides some completion. */
  readonly includeDefault: boolean;
  /** Every outcome some completion gets, in `OUTCOMES` order. */
  readonly possible: readonly Outcome[];
  /**
   * The unknown facts whose value changes the outcome, the conditions or the reviewers for some completion, in
   * vocabulary order.
   */
  readonly neededFacts: readonly string[];
}

/** What partial evaluation settles about one duty. */
export type PartialDuty = 'owed' | 'not-owed' | { readonly neededFacts: readonly string[] };

const known =
  (scenario: Scenario) =>
  (fact: string): FactValue | undefined =>
    (scenario as Record<string, FactValue | undefined>)[fact];

/**
 * Every completion of a scenario over some unknown facts, each given a small code by `codeOf`, in mixed-radix order
 * (fact 0 varies fastest). `undefined` when there are more than `limit` completions.
 */
interface CompletionTable {
  readonly facts: readonly string[];
  readonly widths: readonly number[];
  readonly strides: readonly number[];
  readonly codes: Int32Array;
}

function completionTable(
  scenario: Scenario,
  facts: readonly string[],
  domains: Domains,
  limit: number,
  codeOf: (completion: Scenario) => number,
): CompletionTable | undefined {
  const values = facts.map(domains);
  const widths = values.map((v) => v.length);
  const strides: number[] = [];
  let count = 1;
  for (const w of widths) {
    strides.push(count);
    count *= w;
    if (count > limit) return undefined;
  }
  // A scenario without a prototype (evaluate's clean copy) keeps none, so nothing inherited is read or in the way.
  const completion: Record<string, FactValue> =
    Object.getPrototypeOf(scenario) === null
      ? Object.assign(Object.create(null), scenario)
      : { ...(scenario as Record<string, FactValue>) };
  facts.forEach((fact, i) => {
    completion[fact] = values[i]![0]!;
  });
  const digits = new Int32Array(facts.length);
  const codes = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    codes[index] = codeOf(completion as Scenario);
    // The next completion: add one to the mixed-radix digits, fact 0 first.
    for (let i = 0; i < facts.length; i++) {
      const next = digits[i]! + 1;
      if (next < widths[i]!) {
        digits[i] = next;
        completion[facts[i]!] = values[i]![next]!;
        break;
      }
      digits[i] = 0;
      completion[facts[i]!] = values[i]![0]!;
    }
  }
  return { facts, widths, strides, codes };
}

/** The facts of a table along which the code changes somewhere: some two completions differing only there differ. */
function varyingFacts(table: CompletionTable): Set<string> {
  const out = new Set<string>();
  const { codes, widths, strides } = table;
  table.facts.forEach((fact, i) => {
    const stride = strides[i]!;
    const width = widths[i]!;
    const block = stride * width;
    for (let base = 0; base < codes.length; base += block) {
      for (let index = base; index < base + stride; index++) {
        const first = codes[index]!;
        for (let k = 1; k < width; k++) {
          if (codes[index + k * stride] !== first) {
            out.add(fact);
            return;
          }
        }
      }
    }
  });
  return out;
}

/**
 * The facts behind some dimensions, in vocabulary order: a membership dimension stands for its set fact, which a
 * scenario gives whole, so a set fact is needed when any of its members is.
 */
const inOrder = (engine: PolicyEngine, facts: ReadonlySet<string>): string[] => [
  ...new Set(engine.compiled.factsInPlay.filter((f) => facts.has(f)).map(factOfDimension)),
];

/**
 * The outcome of a scenario some of whose rule facts are unknown: every rule that decides some completion, every
 * outcome reached, and exactly the unknown facts that change the outcome.
 */
export function partialOutcome(engine: PolicyEngine, scenario: Scenario): PartialOutcome {
  const unknown = engine.ruleFacts.filter((f) => known(scenario)(f) === undefined);
  const seen = new Uint8Array(engine.ordered.length);
  let includeDefault = false;
  const effects = decisionEffects(engine);
  const reached = new Set<number>();
  // Each completion's code is its effect (outcome, conditions and reviewers), so the facts along which the codes
  // vary are exactly the needed facts.
  const table = completionTable(scenario, unknown, engine.compiled.domains, engine.completionLimit, (s) => {
    const first = engine.scan(s, 0);
    if (first < 0) {
      includeDefault = true;
      reached.add(outcomeStrictness(engine.defaultRule.outcome));
      return effects.defaultCode;
    }
    seen[first] = 1;
    reached.add(engine.ordered[first]!.strictness);
    // Strictest: every rule of the winning rank that holds decides too.
    const end = engine.rankEnd[first]!;
    if (end === first + 1) return effects.ruleCode[first]!;
    const winners = [first];
    for (let p = first + 1; p < end; p++)
      if (engine.ordered[p]!.test(s) === TRUE) {
        seen[p] = 1;
        winners.push(p);
      }
    return effects.codeOf(winners);
  });
  if (table === undefined) return partialOutcomeByRegions(engine, scenario);
  const deciders = engine.ordered.filter((_, p) => seen[p] === 1);
  return {
    deciders,
    includeDefault,
    possible: OUTCOMES.filter((o) => reached.has(outcomeStrictness(o))),
    neededFacts: inOrder(engine, varyingFacts(table)),
  };
}

/** The same by region algebra, for completion spaces too large to enumerate. */
function partialOutcomeByRegions(engine: PolicyEngine, scenario: Scenario): PartialOutcome {
  const { space, ordered } = engineRegions(engine);
  const at = knownPoint(scenario, space);
  const byOutcome = new Map<Outcome, MaskCube[]>();
  const add = (outcome: Outcome, region: MaskRegion) => {
    const into = byOutcome.get(outcome);
    if (into) into.push(...region);
    else byOutcome.set(outcome, [...region]);
  };
  const deciders: CompiledRule[] = [];
  // Where each rule decides, by position: where it holds outside the rules of better ranks.
  const decides = new Map<number, MaskRegion>();
  const better: MaskCube[] = [];
  for (let start = 0; start < engine.ordered.length; start = engine.rankEnd[start]!) {
    const group = engine.ordered
      .slice(start, engine.rankEnd[start]!)
      .map((rule) => ({ rule, here: restrictMasks(ordered[rule.position]!, at, space) }))
      .filter(({ here }) => here.length > 0);
    for (const { rule, here } of group) {
      const fresh = subtractMasks(here, better, space);
      if (fresh.length === 0) continue;
      deciders.push(rule);
      decides.set(rule.position, fresh);
      add(rule.rule.outcome, fresh);
    }
    for (const { here } of group) better.push(...here);
  }
  const rest = subtractMasks([space.full], better, space);
  const includeDefault = rest.length > 0;
  if (includeDefault) add(engine.defaultRule.outcome, rest);
  const needed = new Set<string>();
  const dependsOn = (region: MaskRegion) => {
    for (const f of maskFacts(region, space)) {
      const fact = space.facts[f]!;
      if (!needed.has(fact) && regionDependsOn(region, f, space)) needed.add(fact);
    }
  };
  const regions = [...byOutcome.values()];
  // The outcome regions cover the space and do not overlap: with n of them, the last is fixed by the others.
  if (regions.length > 1) for (const region of regions.slice(0, -1)) dependsOn(region);
  // Each condition or reviewer is brought where one of its deciders decides.
  for (const { positions, includesDefault } of decisionEffects(engine).memberships)
    dependsOn([...positions.flatMap((p) => decides.get(p) ?? []), ...(includesDefault ? rest : [])]);
  return {
    deciders,
    includeDefault,
    possible: OUTCOMES.filter((o) => byOutcome.has(o)),
    neededFacts: inOrder(engine, needed),
  };
}

/**
 * The cube of the completions of a scenario: its known facts fixed. A scenario `evaluate` accepted gives only values
 * of the facts' domains, so the cube always exists.
 */
function knownPoint(scenario: Scenario, space: ScenarioSpace): MaskCube {
  const at = pointCube(scenario as Readonly<Record<string, FactValue | undefined>>, space);
  if (!at) throw new Error('a scenario gives a fact a value outside its domain');
  return at;
}

/** Whether a duty whose test is unknown for a scenario is owed in every completion, in none, or depends on facts. */
export function partialDuty(engine: PolicyEngine, duty: CompiledDuty, scenario: Scenario): PartialDuty {
  const unknown = duty.facts.filter((f) => known(scenario)(f) === undefined);
  const table = completionTable(scenario, unknown, engine.compiled.domains, engine.completionLimit, (s) =>
    duty.test(s) === TRUE ? 1 : 0,
  );
  if (table !== undefined) {
    const owed = table.codes.includes(1);
    if (!table.codes.includes(0)) return 'owed';
    if (!owed) return 'not-owed';
    return { neededFacts: inOrder(engine, varyingFacts(table)) };
  }
  const { space, duties } = engineRegions(engine);
  // Kleene logic can be unsure of a condition that every completion settles (x is a, or x is not a).
  const here = restrictMasks(duties[engine.duties.indexOf(duty)]!, knownPoint(scenario, space), space);
  if (here.length === 0) return 'not-owed';
  if (subtractMasks([space.full], here, space).length === 0) return 'owed';
  return {
    neededFacts: inOrder(
      engine,
      new Set(
        maskFacts(here, space)
          .filter((f) => regionDependsOn(here, f, space))
          .map((f) => space.facts[f]!),
      ),
    ),
  };
}
