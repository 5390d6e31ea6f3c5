import type { SocialMediaVocabulary } from './social-media-vocabulary.js';

type StandardFactDefinition = SocialMediaVocabulary['facts'][number];

/** The name of a fact in the standard vocabulary (`account.kind`, `content.hasConsent`, …). */
export type StandardFactName = StandardFactDefinition['name'];

/** The values a standard fact can take: its listed values, or `boolean`. */
export type StandardFactValue<N extends StandardFactName> =
  Extract<StandardFactDefinition, { name: N }> extends infer D
    ? D extends { type: 'enum'; values: readonly { value: infer V }[] }
      ? V
      : boolean
    : never;

/** A custom fact name: `custom.` followed by the policy's own name. */
export type CustomFactName = `custom.${string}`;

/** Any fact name a policy can test. */
export type FactName = StandardFactName | CustomFactName;

/** A value of some fact. */
export type FactValue = string | boolean;

/** The id of an entry in one of the standard catalogues. */
export type StandardCatalogueId<
  C extends 'conditions' | 'roles' | 'dutyActions' | 'commitments' | 'consequences',
> = SocialMediaVocabulary[C][number]['id'];

/** A custom catalogue id: `custom-` followed by the policy's own kebab-case name. */
export type CustomCatalogueId = `custom-${string}`;
