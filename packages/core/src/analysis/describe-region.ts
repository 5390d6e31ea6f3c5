import { splitMemberDimension } from '../model/condition-node.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { type MaskCube, type MaskRegion, type ScenarioSpace, valuesOf } from './scenario-space.js';

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** One fact's constraint in words: "account is personal account or pseudonymous account". */
function describeFact(
  vocabulary: ResolvedVocabulary,
  fact: string,
  values: readonly FactValue[],
  domain: readonly FactValue[],
): string {
  // A membership dimension of a set fact: whether the set includes one member ("it is about party politics").
  const member = splitMemberDimension(fact);
  const set = member ? vocabulary.facts.get(member.fact) : undefined;
  if (member && set?.type === 'set') {
    const phrase = set.values.find((v) => v.value === member.member)?.phrase ?? member.member;
    return `${values[0] === true ? set.phrase : set.negatedPhrase} ${phrase}`;
  }
  const definition = vocabulary.facts.get(fact);
  if (!definition) return `${fact} is ${values.map(String).join(' or ')}`;
  if (definition.type === 'boolean') return values[0] === true ? definition.whenTrue : definition.whenFalse;
  const label = (value: FactValue) =>
    lowerFirst(definition.values.find((v) => v.value === value)?.label ?? String(value));
  // Name the shorter side: "is not organisation's account" reads better than three other accounts.
  const excluded = domain.filter((v) => !values.includes(v));
  return excluded.length < values.length
    ? `${lowerFirst(definition.label)} is not ${orList(excluded.map(label))}`
    : `${lowerFirst(definition.label)} is ${orList(values.map(label))}`;
}

/** A cube in words, using vocabulary labels and phrases: "account is personal account naming your job and …". */
export function describeCube(space: ScenarioSpace, vocabulary: ResolvedVocabulary, cube: MaskCube): string {
  const parts: string[] = [];
  space.facts.forEach((fact, f) => {
    const values = valuesOf(space, cube, f);
    const domain = space.domains[f]!;
    if (values.length < domain.length) parts.push(describeFact(vocabulary, fact, values, domain));
  });
  return parts.length === 0 ? 'in every situation' : parts.join(' and ');
}

/** A region in words: its cubes' descriptions joined by "; or ". */
export function describeMaskRegion(
  space: ScenarioSpace,
  vocabulary: ResolvedVocabulary,
  region: MaskRegion,
): string {
  return region.map((cube) => describeCube(space, vocabulary, cube)).join('; or ');
}
