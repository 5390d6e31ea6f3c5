import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODEBOOK_DOC_PATH, codebookDoc } from '../../scripts/generate-codebook.js';
import type { Condition } from '../model/condition.js';
import { CATALOGUES, socialMediaVocabulary } from '../index.js';
import {
  CATALOGUE_CODING,
  type Coding,
  CTG_ELEMENTS,
  FACT_CODING,
  NLRB_CATEGORIES,
  THEME_REGIONS,
  THEMES,
  type Theme,
} from './themes.js';

const v = socialMediaVocabulary;
const valuesOf = (fact: (typeof v.facts)[number]) =>
  fact.type === 'boolean' ? ['true', 'false'] : fact.values.map((x) => x.value);

function expectValidCoding(coding: Coding | undefined, where: string): void {
  expect(coding, `${where} is coded`).toBeDefined();
  expect(coding!.ctg.length, `${where} has a CTG element`).toBeGreaterThan(0);
  for (const t of coding!.themes) expect(THEMES, where).toContain(t);
  for (const e of coding!.ctg) expect(CTG_ELEMENTS, where).toContain(e);
  for (const n of coding!.nlrb) expect(NLRB_CATEGORIES, where).toContain(n);
}

describe('the codebook', () => {
  it('codes every value of every standard fact, and nothing else', () => {
    const codebook = FACT_CODING as Record<string, Record<string, Coding>>;
    expect(Object.keys(codebook).sort()).toEqual(v.facts.map((f) => f.name).sort());
    for (const fact of v.facts) {
      expect(Object.keys(codebook[fact.name]!).sort(), fact.name).toEqual([...valuesOf(fact)].sort());
      for (const value of valuesOf(fact))
        expectValidCoding(codebook[fact.name]![value], `${fact.name} = ${value}`);
    }
  });

  it('codes every entry of every standard catalogue, and nothing else', () => {
    for (const catalogue of CATALOGUES) {
      const coded = CATALOGUE_CODING[catalogue] as Record<string, Coding>;
      const ids = v[catalogue].map((e) => e.id);
      expect(Object.keys(coded).sort(), catalogue).toEqual([...ids].sort());
      for (const id of ids) expectValidCoding(coded[id], `${catalogue}.${id}`);
    }
  });

  it('gives every theme a fact value and a catalogue entry coded to it', () => {
    const factThemes = new Set(
      Object.values(FACT_CODING as Record<string, Record<string, Coding>>).flatMap((values) =>
        Object.values(values).flatMap((c) => c.themes),
      ),
    );
    const catalogueThemes = new Set(
      CATALOGUES.flatMap((c) => Object.values(CATALOGUE_CODING[c] as Record<string, Coding>)).flatMap(
        (c) => c.themes,
      ),
    );
    for (const theme of THEMES) {
      expect(factThemes.has(theme), theme).toBe(true);
      expect(catalogueThemes.has(theme), theme).toBe(true);
    }
  });

  it('tests, in each theme region, only fact values coded to that theme', () => {
    const tested = (c: Condition): [string, string][] => {
      if ('all' in c) return c.all.flatMap(tested);
      if ('any' in c) return c.any.flatMap(tested);
      if ('not' in c) return tested(c.not);
      const fact = v.facts.find((f) => f.name === c.fact)!;
      const all = valuesOf(fact);
      const named = (
        'is' in c
          ? [c.is]
          : 'in' in c
            ? c.in
            : 'isNot' in c
              ? [c.isNot]
              : 'notIn' in c
                ? c.notIn
                : 'includes' in c
                  ? [c.includes]
                  : 'includesAny' in c
                    ? c.includesAny
                    : c.includesAll
      ).map(String);
      // A negative test covers the values it does not name; a set test covers the members it names.
      const covers = 'isNot' in c || 'notIn' in c ? all.filter((x) => !named.includes(x)) : named;
      return covers.map((value) => [c.fact, value]);
    };
    for (const theme of THEMES) {
      for (const [fact, value] of tested(THEME_REGIONS[theme])) {
        const coding = (FACT_CODING as Record<string, Record<string, Coding>>)[fact]![value]!;
        expect(coding.themes, `${theme}: ${fact} = ${value}`).toContain(theme satisfies Theme);
      }
    }
  });

  it('is rendered in docs/codebook.md, which is current', () => {
    expect(readFileSync(CODEBOOK_DOC_PATH, 'utf8')).toBe(codebookDoc());
  });
});
