import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tryToChange, unfrozen } from '../testing/support/unfrozen.js';
import { VOCABULARY_DOC_PATH, vocabularyDoc } from '../../scripts/generate-vocabulary-doc.js';
import { CATALOGUES, type CommitmentEntry, socialMediaVocabulary, VocabularySchema } from '../index.js';
import {
  CATALOGUE_ID,
  CUSTOM_CATALOGUE_ID,
  CUSTOM_FACT_NAME,
  STANDARD_FACT_NAME,
} from './vocabulary-schema.js';
import { standardVocabulary } from './resolve-vocabulary.js';

const v = socialMediaVocabulary;

describe('the standard vocabulary', () => {
  it('is a valid vocabulary by its own schema', () => {
    expect(VocabularySchema.safeParse(v).success).toBe(true);
  });

  it('names every fact in dotted camelCase, once, never in the custom namespace', () => {
    const names = v.facts.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(STANDARD_FACT_NAME);
      expect(name).not.toMatch(CUSTOM_FACT_NAME);
    }
  });

  it('lists every value of an enum fact once', () => {
    for (const fact of v.facts) {
      if (fact.type !== 'enum') continue;
      const values = fact.values.map((x) => x.value);
      expect(new Set(values).size, fact.name).toBe(values.length);
    }
  });

  it('gives every catalogue entry a unique kebab-case id outside the custom namespace', () => {
    for (const name of CATALOGUES) {
      const ids = v[name].map((e) => e.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const id of ids) {
        expect(id).toMatch(CATALOGUE_ID);
        expect(id).not.toMatch(CUSTOM_CATALOGUE_ID);
      }
    }
  });

  it('pairs every commitment with an opposite of the other polarity that names it back', () => {
    const byId = new Map<string, CommitmentEntry>(socialMediaVocabulary.commitments.map((c) => [c.id, c]));
    for (const commitment of byId.values()) {
      if (commitment.opposite === undefined) continue;
      const opposite = byId.get(commitment.opposite);
      expect(opposite, `${commitment.id}'s opposite ${commitment.opposite}`).toBeDefined();
      expect(opposite?.polarity).not.toBe(commitment.polarity);
      expect(opposite?.opposite).toBe(commitment.id);
    }
  });

  it('states every restrictive practice of the published taxonomies as a commitment that restricts, with its opposite', () => {
    const restricts = socialMediaVocabulary.commitments.filter((c) => c.polarity === 'restricts');
    expect(restricts.map((c) => c.id).sort()).toEqual(
      [
        'monitor-personal-accounts',
        'pre-approve-personal-posts',
        'request-account-access',
        'require-connecting-with-organisation',
        'require-promotion-from-personal-accounts',
        'screen-social-media-in-recruitment',
      ].sort(),
    );
    for (const c of restricts) expect('opposite' in c && c.opposite, c.id).toBeTruthy();
  });

  it('names the person targeted as a possible holder, so a policy can be seen leaving the work to them', () => {
    expect(socialMediaVocabulary.roles.map((r) => r.id)).toContain('person-targeted');
  });

  it('is documented by the committed docs/vocabulary.md, generated from it (run `pnpm generate` if not)', () => {
    expect(readFileSync(VOCABULARY_DOC_PATH, 'utf8')).toBe(vocabularyDoc());
  });

  it('documents every fact, value and catalogue entry', () => {
    const doc = vocabularyDoc();
    for (const fact of v.facts) {
      expect(doc).toContain(`### \`${fact.name}\``);
      expect(doc).toContain(fact.description);
      if (fact.type === 'enum')
        for (const value of fact.values) expect(doc).toContain(`| \`${value.value}\` |`);
    }
    for (const name of CATALOGUES) for (const entry of v[name]) expect(doc).toContain(`| \`${entry.id}\` |`);
  });

  it('the standard vocabulary is frozen all the way down', () => {
    expect(unfrozen(socialMediaVocabulary)).toEqual([]);
    const role = socialMediaVocabulary.roles[0] as { id: string; phrase: string };
    expect(tryToChange(() => (role.phrase = 'changed'))).toBeInstanceOf(TypeError);
    expect(standardVocabulary.catalogues.roles.get(role.id)?.phrase).not.toBe('changed');
  });
});
