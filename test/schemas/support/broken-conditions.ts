import { socialMediaVocabulary } from '@fairpost/core';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The values of a standard fact with listed values, in the vocabulary's order. */
export function valuesOf(factName: string): string[] {
  const fact = socialMediaVocabulary.facts.find((f) => f.name === factName);
  if (fact?.type !== 'enum') throw new Error(`${factName} is not a fact with listed values`);
  return fact.values.map((v) => v.value);
}

/** Every standard fact's name, in the vocabulary's order. */
export const FACT_NAMES: string[] = socialMediaVocabulary.facts.map((f) => f.name);
/** The standard facts with listed values (the others are true or false). */
export const ENUM_FACT_NAMES: string[] = socialMediaVocabulary.facts
  .filter((f) => f.type === 'enum')
  .map((f) => f.name);

/** One mistake in one condition, and what ajv and an editor must say about it. */
export interface BrokenCondition {
  readonly name: string;
  /** The condition as written, mistake included. */
  readonly condition: Json;
  readonly ajv: {
    /** How many errors ajv reports (strict, `allErrors: true`). */
    readonly count: number;
    /** The first error: where below the condition (a JSON pointer suffix), its keyword, and its params. */
    readonly first: {
      readonly at: string;
      /** The keyword, or each edition's when they differ (draft-07's `dependencies` is split in 2020-12). */
      readonly keyword: string | { readonly 'draft-07': string; readonly '2020-12': string };
      readonly params: Record<string, unknown>;
      /** ajv's message (its params carry the allowed values, the key or the type). */
      readonly message: string;
    };
  };
  readonly editor: {
    /** How many diagnostics yaml-language-server publishes. */
    readonly count: number;
    /** Its first diagnostic's message, exactly. */
    readonly first: string;
  };
}

const quoted = (values: string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * The table both the ajv test and the yaml-language-server test run: a wrong value, a misspelt fact, a misspelt
 * operator, half-typed conditions and wrong types. Each is one mistake, so each should get a short answer that
 * names where it is and what would be right.
 */
export const BROKEN_CONDITIONS: readonly BrokenCondition[] = [
  {
    name: 'a value the fact does not have',
    condition: { fact: 'actor.role', is: 'staf' },
    ajv: {
      count: 2,
      first: {
        at: '/is',
        keyword: 'enum',
        params: { allowedValues: valuesOf('actor.role') },
        message: 'must be equal to one of the allowed values',
      },
    },
    editor: { count: 1, first: `Value is not accepted. Valid values: ${quoted(valuesOf('actor.role'))}.` },
  },
  {
    name: 'a value the fact does not have, in a list',
    condition: { fact: 'account.kind', notIn: ['personal', 'private'] },
    ajv: {
      count: 2,
      first: {
        at: '/notIn/1',
        keyword: 'enum',
        params: { allowedValues: valuesOf('account.kind') },
        message: 'must be equal to one of the allowed values',
      },
    },
    editor: { count: 1, first: `Value is not accepted. Valid values: ${quoted(valuesOf('account.kind'))}.` },
  },
  {
    name: 'a word for a true-or-false fact',
    condition: { fact: 'incident.workRelated', is: 'yes' },
    ajv: {
      count: 2,
      first: { at: '/is', keyword: 'type', params: { type: 'boolean' }, message: 'must be boolean' },
    },
    editor: { count: 1, first: 'Incorrect type. Expected "boolean".' },
  },
  {
    name: 'a misspelt true-or-false fact',
    condition: { fact: 'content.isAbusiv', is: true },
    ajv: {
      count: 3,
      first: {
        at: '/fact',
        keyword: 'enum',
        params: { allowedValues: FACT_NAMES },
        message: 'must be equal to one of the allowed values',
      },
    },
    editor: { count: 1, first: `Value is not accepted. Valid values: ${quoted(FACT_NAMES)}.` },
  },
  {
    name: 'a misspelt operator',
    condition: { fact: 'actor.role', iss: 'staff' },
    ajv: {
      count: 1,
      first: {
        at: '',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'iss' },
        message: 'must NOT have additional properties',
      },
    },
    editor: { count: 1, first: 'Property iss is not allowed.' },
  },
  {
    name: 'a misspelt combinator',
    condition: { alll: [{ fact: 'actor.role', is: 'staff' }] },
    ajv: {
      count: 1,
      first: {
        at: '',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'alll' },
        message: 'must NOT have additional properties',
      },
    },
    editor: { count: 1, first: 'Property alll is not allowed.' },
  },
  {
    name: 'half-typed: a fact and no operator yet',
    condition: { fact: 'actor.role' },
    ajv: {
      count: 2,
      first: {
        at: '',
        keyword: 'required',
        params: { missingProperty: 'is' },
        message: "must have required property 'is'",
      },
    },
    editor: { count: 1, first: 'Missing property "is".' },
  },
  {
    name: 'half-typed: an operator and no value yet',
    condition: { fact: 'actor.role', is: null },
    ajv: {
      count: 2,
      first: {
        at: '/is',
        keyword: 'enum',
        params: { allowedValues: valuesOf('actor.role') },
        message: 'must be equal to one of the allowed values',
      },
    },
    editor: { count: 1, first: `Value is not accepted. Valid values: ${quoted(valuesOf('actor.role'))}.` },
  },
  {
    name: 'half-typed: a fact name cut short',
    condition: { fact: 'account.ki' },
    ajv: {
      count: 3,
      first: {
        at: '/fact',
        keyword: 'enum',
        params: { allowedValues: FACT_NAMES },
        message: 'must be equal to one of the allowed values',
      },
    },
    editor: { count: 1, first: `Value is not accepted. Valid values: ${quoted(FACT_NAMES)}.` },
  },
  {
    name: 'half-typed: an operator and no fact yet',
    condition: { is: 'staff' },
    ajv: {
      count: 1,
      first: {
        at: '',
        keyword: { 'draft-07': 'dependencies', '2020-12': 'dependentRequired' },
        params: { property: 'is', missingProperty: 'fact' },
        message: 'must have property fact when property is is present',
      },
    },
    editor: { count: 1, first: 'Object is missing property fact required by property is.' },
  },
  {
    name: 'a single value where a list goes',
    condition: { fact: 'actor.role', in: 'staff' },
    ajv: {
      count: 2,
      first: { at: '/in', keyword: 'type', params: { type: 'array' }, message: 'must be array' },
    },
    editor: { count: 1, first: 'Incorrect type. Expected "array".' },
  },
  {
    name: 'a number as a custom fact’s value',
    condition: { fact: 'custom.campaignPhase', is: 3 },
    ajv: {
      count: 3,
      first: { at: '/is', keyword: 'type', params: { type: 'string' }, message: 'must be string' },
    },
    editor: { count: 1, first: 'Incorrect type. Expected "string".' },
  },
  {
    name: 'a sentence instead of a condition',
    condition: 'actor.role is staff',
    ajv: {
      count: 1,
      first: { at: '', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
    },
    editor: { count: 1, first: 'Incorrect type. Expected "Condition".' },
  },
];
