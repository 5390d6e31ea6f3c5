import { describe, expect, it } from 'vitest';
import { unfrozen } from '../testing/support/unfrozen.js';
import { factDomain, resolveVocabulary, standardVocabulary } from './resolve-vocabulary.js';
import { socialMediaVocabulary } from './social-media-vocabulary.js';
import type { FactDefinition } from './vocabulary-schema.js';

const phase: FactDefinition = {
  name: 'custom.phase',
  type: 'enum',
  label: 'Phase',
  description: 'Where the campaign stands.',
  values: [
    { value: 'planning', label: 'Planning', phrase: 'the campaign is being planned' },
    { value: 'live', label: 'Live', phrase: 'the campaign is live' },
  ],
};

describe('resolveVocabulary', () => {
  it('lists the standard facts and entries first, in their order, then the custom ones', () => {
    const resolved = resolveVocabulary({
      facts: [phase],
      roles: [{ id: 'custom-steward', label: 'Steward', phrase: 'the union steward' }],
    });
    expect([...resolved.facts.keys()]).toEqual([
      ...socialMediaVocabulary.facts.map((f) => f.name),
      'custom.phase',
    ]);
    expect([...resolved.catalogues.roles.keys()]).toEqual([
      ...socialMediaVocabulary.roles.map((r) => r.id),
      'custom-steward',
    ]);
    expect(resolved.id).toBe(standardVocabulary.id);
  });

  it('keeps the first declaration of a repeated id, and makes a commitment without polarity a promise', () => {
    const resolved = resolveVocabulary({
      facts: [phase, { ...phase, label: 'Second' }],
      roles: [{ id: 'comms-team', label: 'Not the standard one', phrase: 'x' }],
      commitments: [{ id: 'custom-open-door', label: 'Open door', phrase: 'we keep an open door' }],
    });
    expect(resolved.facts.get('custom.phase')?.label).toBe('Phase');
    expect(resolved.catalogues.roles.get('comms-team')).toBe(
      standardVocabulary.catalogues.roles.get('comms-team'),
    );
    expect(resolved.catalogues.commitments.get('custom-open-door')?.polarity).toBe('protects');
  });

  it('hands out frozen copies of the custom entries, which later changes to the caller’s objects do not reach', () => {
    const facts = [structuredClone(phase)];
    const resolved = resolveVocabulary({ facts });
    (facts[0] as { label: string }).label = 'Changed';
    expect(resolved.facts.get('custom.phase')?.label).toBe('Phase');
    expect(unfrozen([...resolved.facts.values()])).toEqual(['$']);
    expect(Object.isFrozen(resolved) && Object.isFrozen(resolved.catalogues)).toBe(true);
  });
});

describe('factDomain', () => {
  it('gives true and false for a boolean fact, and the listed values in order otherwise', () => {
    expect(factDomain(standardVocabulary.facts.get('content.hasConsent')!)).toEqual([true, false]);
    expect(factDomain(phase)).toEqual(['planning', 'live']);
  });
});
