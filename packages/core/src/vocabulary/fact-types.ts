import type { SocialMediaVocabulary } from './social-media-vocabulary.js';

type StandardFactDefinition = SocialMediaVocabulary['facts'][number];

/** The name of a fact in the standard vocabulary (`account.kind`, `content.hasConsent`, …). */
export type StandardFactName = StandardFactDefinition['name'];

/** The name of a standard set fact (`content.topics`): its value is a set of listed members. */
export type StandardSetFactName = Extract<StandardFactDefinition, { type: 'set' }>['name'];

/** The name of a standard fact that takes one value (an enum or a boolean fact). */
export type StandardScalarFactName = Exclude<StandardFactName, StandardSetFactName>;

/** The members a standard set fact can include. */
export type StandardSetMember<N extends StandardSetFactName> = Extract<
  StandardFactDefinition,
  { name: N }
>['values'][number]['value'];

/**
 * The values a standard fact can take: its listed values, `boolean`, or for a set fact an array of its members (the
 * whole set: a member left out is not in it).
 */
export type StandardFactValue<N extends StandardFactName> = N extends StandardSetFactName
  ? readonly StandardSetMember<N>[]
  : Extract<StandardFactDefinition, { name: N }> extends infer D
    ? D extends { type: 'enum'; values: readonly { value: infer V }[] }
      ? V
      : boolean
    : never;

/** A custom fact name: `custom.` followed by the policy's own name. */
export type CustomFactName = `custom.${string}`;

/** Any fact name a policy can test. */
export type FactName = StandardFactName | CustomFactName;

/** A value of some fact that takes one value (inside the engine, every dimension takes one). */
export type FactValue = string | boolean;

/** A value a scenario can give a fact: one value, or the members of a set fact as an array. */
export type ScenarioValue = FactValue | readonly string[];

/** The id of an entry in one of the standard catalogues. */
export type StandardCatalogueId<
  C extends 'conditions' | 'roles' | 'dutyActions' | 'commitments' | 'consequences',
> = SocialMediaVocabulary[C][number]['id'];

/** A custom catalogue id: `custom-` followed by the policy's own kebab-case name. */
export type CustomCatalogueId = `custom-${string}`;
