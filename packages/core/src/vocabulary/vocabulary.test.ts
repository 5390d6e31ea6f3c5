import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VOCABULARY_DOC_PATH, vocabularyDoc } from '../../scripts/generate-vocabulary-doc.js';
import { CATALOGUES, socialMediaVocabulary, VocabularySchema } from '../index.js';
import {
  CATALOGUE_ID,
  CUSTOM_CATALOGUE_ID,
  CUSTOM_FACT_NAME,
  STANDARD_FACT_NAME,
} from './vocabulary-schema.js';

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
});
