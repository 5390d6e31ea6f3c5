import {
  type Condition,
  type FactDefinition,
  type FactValue,
  factDomain,
  type ResolvedVocabulary,
  standardVocabulary,
} from '@fairpost/core';
import { type NormalCondition, normaliseCondition } from './normalise-condition.js';
import { enGB, type FactWords, type Phrasebook } from './phrasebook.js';

/** A condition in words: a clause completing “If …”, or a condition that always or never holds. */
export type DescribedCondition =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'clause'; readonly text: string };

/** Options for `describeCondition`. */
export interface DescribeConditionOptions {
  /** The vocabulary the condition is written in, with the policy's custom facts (default: the standard one). */
  readonly vocabulary?: ResolvedVocabulary;
  /** The words to use (default `enGB`). */
  readonly phrasebook?: Phrasebook;
}

/**
 * Describes a condition as a second-person clause from the vocabulary's phrases (and the phrasebook's overrides),
 * with `not` pushed down to the fact tests so that negations read naturally.
 * @example
 * describeCondition({ all: [{ fact: 'account.kind', is: 'personal' }, { fact: 'context.time', is: 'own-time' }] });
 * // { kind: 'clause', text: 'you are using your own account and it is in your own time' }
 */
export function describeCondition(
  condition: Condition,
  options: DescribeConditionOptions = {},
): DescribedCondition {
  const vocabulary = options.vocabulary ?? standardVocabulary;
  const phrasebook = options.phrasebook ?? enGB;
  const normal = normaliseCondition(condition);
  if (normal.kind === 'always' || normal.kind === 'never') return normal;
  return { kind: 'clause', text: describeNormal(normal, 'top', vocabulary, phrasebook) };
}

/** The opening of a sentence about a condition: “If …”, “In every situation”, or “In no situation”. */
export function openCondition(described: DescribedCondition, phrasebook: Phrasebook = enGB): string {
  if (described.kind === 'always') return phrasebook.always;
  if (described.kind === 'never') return phrasebook.never;
  return phrasebook.ifClause(described.text);
}

function describeNormal(
  node: NormalCondition,
  parent: 'top' | 'all' | 'any',
  vocabulary: ResolvedVocabulary,
  phrasebook: Phrasebook,
): string {
  switch (node.kind) {
    case 'always':
      return phrasebook.always.toLocaleLowerCase(phrasebook.language);
    case 'never':
      return phrasebook.never.toLocaleLowerCase(phrasebook.language);
    case 'all': {
      // Alternatives read last (“… and either A or B”), so that the “or” cannot be read as splitting the “and”.
      const simple = node.items.filter((item) => !isAlternatives(item, vocabulary, phrasebook));
      const alternatives = node.items.filter((item) => isAlternatives(item, vocabulary, phrasebook));
      const items = [...simple, ...alternatives].map((item) =>
        describeNormal(item, 'all', vocabulary, phrasebook),
      );
      if (parent === 'any') return phrasebook.both(items);
      return alternatives.length > 1 ? items.join(', and ') : phrasebook.and(items);
    }
    case 'any': {
      const items = node.items.map((item) => describeNormal(item, 'any', vocabulary, phrasebook));
      return parent === 'all' ? phrasebook.either(items) : phrasebook.or(items);
    }
    case 'test': {
      const alternatives = shareOpening(
        describeTest(node.fact, node.values, node.negated, vocabulary, phrasebook),
        phrasebook,
      );
      return parent === 'all' ? phrasebook.either(alternatives) : phrasebook.or(alternatives);
    }
    case 'set':
      return describeSetTest(node, vocabulary, phrasebook);
    default:
      return node satisfies never;
  }
}

/** Whether a condition reads as alternatives joined by “or”. */
function isAlternatives(
  node: NormalCondition,
  vocabulary: ResolvedVocabulary,
  phrasebook: Phrasebook,
): boolean {
  if (node.kind === 'any') return true;
  if (node.kind !== 'test') return false;
  return describeTest(node.fact, node.values, node.negated, vocabulary, phrasebook).length > 1;
}

/** The words for one value of a fact: its clause and its short label. */
interface ValueWords {
  readonly value: FactValue;
  readonly phrase: string;
  readonly label: string;
}

function valueWords(fact: FactDefinition | undefined, name: string, phrasebook: Phrasebook): ValueWords[] {
  const own = phrasebook.facts[name];
  if (!fact) return [];
  if (fact.type === 'boolean') {
    return [
      { value: true, phrase: own?.whenTrue ?? fact.whenTrue, label: 'yes' },
      { value: false, phrase: own?.whenFalse ?? fact.whenFalse, label: 'no' },
    ];
  }
  return fact.values.map((v) => ({
    value: v.value,
    phrase: own?.values?.[v.value] ?? v.phrase,
    label: own?.valueLabels?.[v.value] ?? v.label,
  }));
}

/** A set test as one clause: "it is about pay or working conditions and the organisation itself". */
function describeSetTest(
  node: Extract<NormalCondition, { kind: 'set' }>,
  vocabulary: ResolvedVocabulary,
  phrasebook: Phrasebook,
): string {
  const fact = vocabulary.facts.get(node.fact);
  const own = phrasebook.facts[node.fact];
  // A member or fact the vocabulary does not list (impossible in a valid policy) is still shown, never dropped.
  const members = node.members.map((m) =>
    fact?.type === 'set' ? (own?.values?.[m] ?? fact.values.find((v) => v.value === m)?.phrase ?? m) : m,
  );
  const clause =
    fact?.type === 'set'
      ? node.negated
        ? fact.negatedPhrase
        : fact.phrase
      : `${factWords(node.fact, vocabulary, phrasebook).label} ${node.negated ? 'does not include' : 'includes'}`;
  return phrasebook.setTest(clause, members, node.every, node.negated);
}

/** The clause for one value of a fact ("you are using your own account"), or the value itself when unlisted. */
export function valuePhrase(
  name: string,
  value: FactValue,
  vocabulary: ResolvedVocabulary,
  phrasebook: Phrasebook,
): string {
  return (
    valueWords(vocabulary.facts.get(name), name, phrasebook).find((w) => w.value === value)?.phrase ??
    String(value)
  );
}

/** The label and question of a fact, as the phrasebook and vocabulary give them. */
export function factWords(name: string, vocabulary: ResolvedVocabulary, phrasebook: Phrasebook): FactWords {
  const fact = vocabulary.facts.get(name);
  const own = phrasebook.facts[name];
  const question = own?.question ?? fact?.question;
  return { label: own?.label ?? fact?.label ?? name, ...(question ? { question } : {}) };
}

function describeTest(
  name: string,
  values: readonly FactValue[],
  negated: boolean,
  vocabulary: ResolvedVocabulary,
  phrasebook: Phrasebook,
): string[] {
  const fact = vocabulary.facts.get(name);
  const words = valueWords(fact, name, phrasebook);
  const named = new Set<FactValue>(values);
  // A value the vocabulary does not list (impossible in a valid policy) is still shown, never dropped.
  const unlisted = values.filter((v) => !words.some((w) => w.value === v)).map(String);
  const domain = fact ? factDomain(fact) : values;
  const allowed = words.filter((w) => named.has(w.value) !== negated);
  if (!negated) {
    if (unlisted.length === 0 && domain.every((v) => named.has(v))) {
      return [phrasebook.factIsKnown(factWords(name, vocabulary, phrasebook))];
    }
    return [...allowed.map((w) => w.phrase), ...unlisted];
  }
  // “None of these” reads best as the few values that remain, when there are few; otherwise as a negation.
  if (unlisted.length === 0 && allowed.length > 0 && allowed.length <= 2) {
    return allowed.map((w) => w.phrase);
  }
  const excluded = [...words.filter((w) => named.has(w.value)).map((w) => w.label), ...unlisted];
  return [phrasebook.factIsNot(factWords(name, vocabulary, phrasebook), excluded)];
}

/**
 * Alternatives about one fact usually open with the same words (“you are using your own account”, “you are using an
 * account that …”): say the opening once and list the rest, so the sentence reads as one choice, not many clauses.
 */
function shareOpening(phrases: readonly string[], phrasebook: Phrasebook): string[] {
  if (phrases.length < 2) return [...phrases];
  const words = phrases.map((p) => p.split(' '));
  let shared = 0;
  while (words.every((w) => w.length > shared + 1 && w[shared] === words[0]![shared])) shared++;
  if (shared < 2) return [...phrases];
  const opening = words[0]!.slice(0, shared).join(' ');
  return [`${opening} ${phrasebook.or(words.map((w) => w.slice(shared).join(' ')))}`];
}
