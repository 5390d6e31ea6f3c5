import { checkFactValue, checkSetMember, suggest } from './check-fact-value.js';
import { type ConditionShape, FACT_OPERATORS, SET_OPERATORS } from '../model/condition.js';
import { type Issue, type PathSegment, quote } from './issue.js';
import type { z } from 'zod';
import type { PolicyShapeSchema } from '../model/policy.js';
import { resolveVocabulary, type ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { CATALOGUES, CUSTOM_FACT_NAME, type CatalogueName } from '../vocabulary/vocabulary-schema.js';

const CATALOGUE_WORDS: Record<CatalogueName, string> = {
  conditions: 'condition',
  roles: 'role',
  dutyActions: 'duty action',
  commitments: 'commitment',
  consequences: 'consequence',
};

type PolicyShape = z.infer<typeof PolicyShapeSchema>;
type RuleShape = PolicyShape['rules'][number];
type DutyShape = NonNullable<PolicyShape['duties']>[number];
type CommitmentShape = NonNullable<PolicyShape['commitments']>[number];
type DefaultShape = PolicyShape['default'];
type DoubtShape = NonNullable<PolicyShape['doubt']>;

/** What the reference checks of one part of a policy need to know about the rest of it. */
export interface ReferenceContext {
  /** The standard vocabulary plus the policy's custom entries. */
  readonly vocabulary: ResolvedVocabulary;
  /** The ids of the policy's sources; `undefined` when they are unknown (malformed), so sources go unchecked. */
  readonly sourceIds: ReadonlySet<string> | undefined;
  /** Where issues are collected. */
  readonly issues: Issue[];
}

/**
 * The checks a JSON Schema cannot make: ids are unique, every fact and catalogue entry exists in the vocabulary
 * (standard or declared in `custom`), every value belongs to its fact, and every source reference names a source.
 */
export function checkPolicyReferences(policy: PolicyShape): Issue[] {
  const issues: Issue[] = [];
  const vocabulary = resolveVocabulary(policy.custom);

  checkUnique(policy.rules, ['rules'], 'rule', issues);
  checkUnique(policy.duties ?? [], ['duties'], 'duty', issues);
  checkUnique(policy.commitments ?? [], ['commitments'], 'commitment', issues);
  checkUnique(policy.sources ?? [], ['sources'], 'source', issues);
  checkUnique(policy.escalation ?? [], ['escalation'], 'escalation', issues);
  checkCustomVocabulary(policy, issues);

  const context: ReferenceContext = {
    vocabulary,
    sourceIds: new Set((policy.sources ?? []).map((s) => s.id)),
    issues,
  };
  (policy.principles ?? []).forEach((p, i) => {
    checkSource(p.source, ['principles', i], context);
  });
  (policy.definitions ?? []).forEach((d, i) => {
    checkSource(d.source, ['definitions', i], context);
  });
  checkDefaultReferences(policy.default, context);
  policy.rules.forEach((rule, i) => {
    checkRuleReferences(rule, i, context);
  });
  (policy.duties ?? []).forEach((duty, i) => {
    checkDutyReferences(duty, i, context);
  });
  (policy.commitments ?? []).forEach((c, i) => {
    checkCommitmentReferences(c, i, context);
  });
  if (policy.doubt !== undefined) checkDoubtReferences(policy.doubt, context);
  (policy.escalation ?? []).forEach((e, i) => {
    checkRef('roles', e.tell, ['escalation', i, 'tell'], context);
    checkSource(e.source, ['escalation', i], context);
  });
  return issues;
}

/** Checks a source reference names one of the policy's sources. */
export function checkSource(
  source: { document: string } | undefined,
  path: PathSegment[],
  { sourceIds, issues }: ReferenceContext,
): void {
  if (!source || !sourceIds || sourceIds.has(source.document)) return;
  const hint = suggest(source.document, sourceIds);
  issues.push({
    path: [...path, 'source', 'document'],
    code: 'unknown-source',
    message: `source ${quote(source.document)} is not listed in sources${hint ? `; did you mean "${hint}"?` : ''}`,
    expected: sourceIds.size ? `one of ${[...sourceIds].join(', ')}` : 'a source declared in sources',
    received: quote(source.document),
  });
}

function checkRef(
  catalogue: CatalogueName,
  id: string,
  path: PathSegment[],
  context: ReferenceContext,
): void {
  const entries = context.vocabulary.catalogues[catalogue];
  if (entries.has(id)) return;
  const word = CATALOGUE_WORDS[catalogue];
  const hint = suggest(id, entries.keys());
  context.issues.push({
    path,
    code: 'unknown-catalogue-entry',
    message: id.startsWith('custom-')
      ? `custom ${word} ${quote(id)} is not declared in custom.${catalogue}`
      : `unknown ${word} ${quote(id)}${hint ? `; did you mean "${hint}"?` : ''}; expected one of ${[...entries.keys()].join(', ')}`,
    expected: `an id from the ${catalogue} catalogue`,
    received: quote(id),
  });
}

/** Checks the default outcome's conditions, reviewers and source. */
export function checkDefaultReferences(value: DefaultShape, context: ReferenceContext): void {
  checkSource(value.source, ['default'], context);
  (value.conditions ?? []).forEach((id, j) => {
    checkRef('conditions', id, ['default', 'conditions', j], context);
  });
  (value.reviewers ?? []).forEach((id, j) => {
    checkRef('roles', id, ['default', 'reviewers', j], context);
  });
}

/** Checks one rule's facts, values, conditions, reviewers and source against the vocabulary. */
export function checkRuleReferences(rule: RuleShape, index: number, context: ReferenceContext): void {
  checkCondition(rule.when, ['rules', index, 'when'], context.vocabulary, context.issues);
  (rule.conditions ?? []).forEach((id, j) => {
    checkRef('conditions', id, ['rules', index, 'conditions', j], context);
  });
  (rule.reviewers ?? []).forEach((id, j) => {
    checkRef('roles', id, ['rules', index, 'reviewers', j], context);
  });
  if (rule.consequence !== undefined)
    checkRef('consequences', rule.consequence, ['rules', index, 'consequence'], context);
  checkSource(rule.source, ['rules', index], context);
}

/** Checks one duty's facts, values, action, holder and source against the vocabulary. */
export function checkDutyReferences(duty: DutyShape, index: number, context: ReferenceContext): void {
  checkCondition(duty.when, ['duties', index, 'when'], context.vocabulary, context.issues);
  checkRef('dutyActions', duty.action, ['duties', index, 'action'], context);
  checkRef('roles', duty.holder, ['duties', index, 'holder'], context);
  checkSource(duty.source, ['duties', index], context);
}

/**
 * Checks the doubt rules: each fact exists and has at most one rule, an assumed value is one its fact takes, and
 * reviewers, conditions and sources exist.
 */
export function checkDoubtReferences(doubt: DoubtShape, context: ReferenceContext): void {
  const checkRule = (
    rule: NonNullable<DoubtShape['default']> | NonNullable<DoubtShape['facts']>[number],
    path: PathSegment[],
  ) => {
    checkSource(rule.source, path, context);
    if (rule.resolve !== 'outcome') return;
    (rule.conditions ?? []).forEach((id, j) => {
      checkRef('conditions', id, [...path, 'conditions', j], context);
    });
    (rule.reviewers ?? []).forEach((id, j) => {
      checkRef('roles', id, [...path, 'reviewers', j], context);
    });
  };
  if (doubt.default !== undefined) checkRule(doubt.default, ['doubt', 'default']);
  const first = new Map<string, number>();
  (doubt.facts ?? []).forEach((rule, i) => {
    const path: PathSegment[] = ['doubt', 'facts', i];
    checkRule(rule, path);
    const earlier = first.get(rule.fact);
    if (earlier !== undefined)
      context.issues.push({
        path: [...path, 'fact'],
        code: 'duplicate-id',
        message: `fact ${quote(rule.fact)} has two doubt rules (first at doubt.facts[${earlier}])`,
        received: quote(rule.fact),
      });
    else first.set(rule.fact, i);
    const fact = context.vocabulary.facts.get(rule.fact);
    if (!fact) {
      const hint = suggest(rule.fact, context.vocabulary.facts.keys());
      context.issues.push({
        path: [...path, 'fact'],
        code: 'unknown-fact',
        message: CUSTOM_FACT_NAME.test(rule.fact)
          ? `custom fact ${quote(rule.fact)} is not declared in custom.facts`
          : `unknown fact ${quote(rule.fact)}${hint ? `; did you mean "${hint}"?` : ''}`,
        expected: 'a fact of the vocabulary',
        received: quote(rule.fact),
      });
      return;
    }
    if (rule.resolve === 'assume') {
      const problem = checkFactValue(fact, rule.value);
      if (problem) context.issues.push({ path: [...path, 'value'], code: 'invalid-fact-value', ...problem });
    }
  });
}

/** Checks one commitment's catalogue entry and source. */
export function checkCommitmentReferences(
  commitment: CommitmentShape,
  index: number,
  context: ReferenceContext,
): void {
  checkRef('commitments', commitment.commitment, ['commitments', index, 'commitment'], context);
  checkSource(commitment.source, ['commitments', index], context);
}

function checkUnique(
  items: readonly { id: string }[],
  path: PathSegment[],
  what: string,
  issues: Issue[],
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, i);
    else
      issues.push({
        path: [...path, i, 'id'],
        code: 'duplicate-id',
        message: `duplicate ${what} id ${quote(item.id)} (first used at ${path.join('.')}[${earlier}])`,
        received: quote(item.id),
      });
  });
}

function checkCustomVocabulary(policy: PolicyShape, issues: Issue[]): void {
  const custom = policy.custom;
  if (!custom) return;
  const seenFacts = new Map<string, number>();
  (custom.facts ?? []).forEach((fact, i) => {
    const earlier = seenFacts.get(fact.name);
    if (earlier !== undefined) {
      issues.push({
        path: ['custom', 'facts', i, 'name'],
        code: 'duplicate-id',
        message: `duplicate custom fact ${quote(fact.name)} (first declared at custom.facts[${earlier}])`,
      });
    } else seenFacts.set(fact.name, i);
    if (fact.type === 'enum' || fact.type === 'set') {
      const values = new Set<string>();
      fact.values.forEach((v, j) => {
        if (values.has(v.value)) {
          issues.push({
            path: ['custom', 'facts', i, 'values', j, 'value'],
            code: 'duplicate-value',
            message: `fact ${quote(fact.name)} lists the value ${quote(v.value)} twice`,
          });
        }
        values.add(v.value);
      });
    }
  });
  for (const catalogue of CATALOGUES) {
    const seen = new Map<string, number>();
    (custom[catalogue] ?? []).forEach((entry, i) => {
      const earlier = seen.get(entry.id);
      if (earlier !== undefined) {
        issues.push({
          path: ['custom', catalogue, i, 'id'],
          code: 'duplicate-id',
          message: `duplicate custom ${CATALOGUE_WORDS[catalogue]} ${quote(entry.id)} (first declared at custom.${catalogue}[${earlier}])`,
        });
      } else seen.set(entry.id, i);
    });
  }
}

/** Checks every fact test of a condition against the vocabulary. */
export function checkCondition(
  condition: ConditionShape,
  path: PathSegment[],
  vocabulary: ResolvedVocabulary,
  issues: Issue[],
): void {
  if (condition.all)
    condition.all.forEach((c, i) => {
      checkCondition(c, [...path, 'all', i], vocabulary, issues);
    });
  if (condition.any)
    condition.any.forEach((c, i) => {
      checkCondition(c, [...path, 'any', i], vocabulary, issues);
    });
  if (condition.not) checkCondition(condition.not, [...path, 'not'], vocabulary, issues);
  if (condition.fact === undefined) return;
  const fact = vocabulary.facts.get(condition.fact);
  if (!fact) {
    const hint = suggest(condition.fact, vocabulary.facts.keys());
    issues.push({
      path: [...path, 'fact'],
      code: 'unknown-fact',
      message: CUSTOM_FACT_NAME.test(condition.fact)
        ? `custom fact ${quote(condition.fact)} is not declared in custom.facts`
        : `unknown fact ${quote(condition.fact)}${hint ? `; did you mean "${hint}"?` : ''} (custom facts are named custom.<name> and declared in custom.facts)`,
      expected: 'a fact of the vocabulary',
      received: quote(condition.fact),
    });
    return;
  }
  if (fact.type === 'set') {
    for (const op of FACT_OPERATORS) {
      if (condition[op] === undefined) continue;
      issues.push({
        path: [...path, op],
        code: 'invalid-fact-value',
        message: `${quote(fact.name)} is a set fact: test its members with includes, includesAny or includesAll (and not for their negations), not with ${op}`,
        expected: 'includes, includesAny or includesAll',
        received: op,
      });
    }
    for (const op of SET_OPERATORS) {
      const given = condition[op];
      if (given === undefined) continue;
      const list = Array.isArray(given) ? given : [given];
      list.forEach((member, i) => {
        const problem = checkSetMember(fact, member);
        if (problem)
          issues.push({
            path: Array.isArray(given) ? [...path, op, i] : [...path, op],
            code: 'invalid-fact-value',
            message: problem.message,
            expected: problem.expected,
            received: problem.received,
          });
      });
    }
    return;
  }
  for (const op of SET_OPERATORS) {
    if (condition[op] === undefined) continue;
    issues.push({
      path: [...path, op],
      code: 'invalid-fact-value',
      message: `${quote(fact.name)} takes one value, not a set: test it with is, in, isNot or notIn, not with ${op}`,
      expected: 'is, in, isNot or notIn',
      received: op,
    });
  }
  for (const op of FACT_OPERATORS) {
    const given = condition[op];
    if (given === undefined) continue;
    for (const value of Array.isArray(given) ? given : [given]) {
      const problem = checkFactValue(fact, value);
      if (problem) issues.push({ path, code: 'invalid-fact-value', ...problem });
    }
  }
}
