import { frozenCopy } from '../model/deep-freeze.js';
import type { FactValue } from './fact-types.js';
import { socialMediaVocabulary } from './social-media-vocabulary.js';
import type {
  CatalogueEntry,
  CatalogueName,
  CommitmentEntry,
  FactDefinition,
  Polarity,
  Vocabulary,
} from './vocabulary-schema.js';

/** A policy's own additions to the standard vocabulary. */
export interface CustomVocabulary {
  facts?: readonly FactDefinition[] | undefined;
  conditions?: readonly CatalogueEntry[] | undefined;
  roles?: readonly CatalogueEntry[] | undefined;
  dutyActions?: readonly CatalogueEntry[] | undefined;
  commitments?: readonly (CatalogueEntry & { polarity?: Polarity | undefined })[] | undefined;
  consequences?: readonly CatalogueEntry[] | undefined;
}

/** The entries of each catalogue by id; commitments carry their polarity. */
export type ResolvedCatalogues = {
  readonly [C in Exclude<CatalogueName, 'commitments'>]: ReadonlyMap<string, CatalogueEntry>;
} & {
  readonly commitments: ReadonlyMap<string, CommitmentEntry>;
};

/** The vocabulary a policy is evaluated in: the standard one plus its custom entries, indexed by name and id. */
export interface ResolvedVocabulary {
  readonly id: string;
  /** Every fact, standard first then custom, in declaration order. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** The entries of each catalogue by id. */
  readonly catalogues: ResolvedCatalogues;
}

/** Indexes items by key in order; when a key repeats, the first item keeps it. */
function firstByKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/**
 * Indexes a vocabulary together with a policy's custom facts and entries.
 * Where a custom entry repeats an id, the first declaration wins (parsePolicy reports the duplicate). The base
 * is frozen and the custom entries are frozen copies, so the entries decisions hand out cannot be changed.
 */
export function resolveVocabulary(
  custom: CustomVocabulary = {},
  base: Vocabulary = socialMediaVocabulary as unknown as Vocabulary,
): ResolvedVocabulary {
  const frozenBase = Object.isFrozen(base) ? base : frozenCopy(base);
  const catalogue = (name: CatalogueName) =>
    firstByKey([...frozenBase[name], ...frozenCopy(custom[name] ?? [])], (e) => e.id);
  return Object.freeze({
    id: base.id,
    facts: firstByKey([...frozenBase.facts, ...frozenCopy(custom.facts ?? [])], (fact) => fact.name),
    catalogues: Object.freeze({
      conditions: catalogue('conditions'),
      roles: catalogue('roles'),
      dutyActions: catalogue('dutyActions'),
      // A custom commitment that states no polarity is a promise, as every commitment was before polarity existed.
      commitments: firstByKey(
        [
          ...frozenBase.commitments,
          ...frozenCopy(custom.commitments ?? []).map((e) =>
            Object.freeze({ polarity: 'protects' as const, ...e }),
          ),
        ],
        (e) => e.id,
      ) as ReadonlyMap<string, CommitmentEntry>,
      consequences: catalogue('consequences'),
    }),
  });
}

/** Every value a fact can take: its listed values, or `true` and `false`. */
export function factDomain(fact: FactDefinition): readonly FactValue[] {
  return fact.type === 'boolean' ? [true, false] : fact.values.map((v) => v.value);
}

/** The standard vocabulary, resolved once. */
export const standardVocabulary: ResolvedVocabulary = resolveVocabulary();
