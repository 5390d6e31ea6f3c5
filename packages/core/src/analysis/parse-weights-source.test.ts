import { describe, expect, it } from 'vitest';
import { parseWeightsSource } from './parse-weights-source.js';

describe('parseWeightsSource', () => {
  it('reads YAML and JSON weights that fit the vocabulary', () => {
    const yaml = parseWeightsSource(
      'context.time:\n  work-time: 0.25\n  own-time: 0.75\ncontent.isAbusive:\n  true: 0.02\n  false: 0.98\n',
    );
    expect(yaml).toEqual({
      ok: true,
      distribution: {
        'context.time': { 'work-time': 0.25, 'own-time': 0.75 },
        'content.isAbusive': { true: 0.02, false: 0.98 },
      },
    });
    const json = parseWeightsSource('{"context.time": {"work-time": 0.25, "own-time": 0.75}}');
    expect(json.ok).toBe(true);
  });

  it('reports rates that do not add up to 1 at the fact, with line and column', () => {
    const read = parseWeightsSource('# weights\ncontext.time:\n  work-time: 0.5\n  own-time: 0.4\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual([
      expect.objectContaining({
        path: ['context.time'],
        code: 'invalid-value',
        line: 2,
        column: 1,
        message: expect.stringContaining('add up to 0.9; they must add up to 1'),
      }),
    ]);
  });

  it('names an unknown fact or value where it is written, with the nearest name', () => {
    const read = parseWeightsSource('context.tme:\n  work-time: 1\naccount.kind:\n  personel: 1\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => [i.code, i.line, i.column, i.message])).toEqual([
      ['unknown-fact', 1, 1, 'unknown fact "context.tme"; did you mean "context.time"?'],
      ['invalid-fact-value', 4, 3, 'fact "account.kind" has no value "personel"; did you mean "personal"?'],
    ]);
  });

  it('refuses rates that are not numbers from 0 to 1, a document that is not a map, and broken YAML', () => {
    const bad = parseWeightsSource('context.time:\n  work-time: lots\n  own-time: 1.5\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((i) => [i.path, i.line])).toEqual([
        [['context.time', 'work-time'], 2],
        [['context.time', 'own-time'], 3],
      ]);
    const list = parseWeightsSource('- 0.5\n- 0.5\n');
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.issues[0]).toMatchObject({ code: 'invalid-type', line: 1, column: 1 });
    const broken = parseWeightsSource('context.time: {work-time: 0.5\n');
    expect(broken.ok).toBe(false);
    const repeated = parseWeightsSource('context.time:\n  work-time: 0.5\n  work-time: 0.5\n');
    expect(repeated.ok).toBe(false);
    if (!repeated.ok) expect(repeated.issues[0]).toMatchObject({ code: 'duplicate-key', line: 3 });
  });

  describe('a set fact', () => {
    it('reads each member’s chance of being in the set, which need not add up to 1', () => {
      expect(parseWeightsSource('content.topics: { employer: 0.3, party-politics: 0.02 }\n')).toEqual({
        ok: true,
        distribution: { 'content.topics': { employer: 0.3, 'party-politics': 0.02 } },
      });
    });

    it('reports an unknown member with the nearest, a chance above 1 and conditional rates, at their lines', () => {
      const result = parseWeightsSource(
        'content.topics:\n  employr: 0.3\n  clients: 1.5\ncontext.time:\n  given: content.topics\n  rates: {}\ncontent.topics2: {}\n',
      );
      const issues = result.ok
        ? []
        : result.issues.map((i) => [i.path.join('/'), i.line, i.column, i.message]);
      expect(issues.slice(0, 3)).toEqual([
        [
          'content.topics/employr',
          2,
          3,
          'set fact "content.topics" has no member "employr"; did you mean "employer"?',
        ],
        [
          'content.topics/clients',
          3,
          12,
          'the rate of content.topics = clients is its chance of being in the set, from 0 to 1',
        ],
        ['content.topics2', 7, 1, 'unknown fact "content.topics2"; did you mean "content.topics"?'],
      ]);
      expect(issues[3]).toEqual([
        'context.time/given',
        5,
        10,
        'fact "context.time" cannot be conditional on "content.topics", a set fact: a set takes many members at once, so no one row of rates applies',
      ]);
      const conditional = parseWeightsSource('content.topics:\n  given: context.time\n  rates: {}\n');
      expect(
        conditional.ok ? [] : conditional.issues.map((i) => [i.path.join('/'), i.line, i.column]),
      ).toEqual([['content.topics/given', 2, 3]]);
    });
  });

  describe('conditional rates', () => {
    const rows = (extra = '') =>
      `  rates:\n    organisational: { true: 0.02, false: 0.98 }\n    personal-named: { true: 0.01, false: 0.99 }\n    personal: { true: 0.005, false: 0.995 }\n${extra}`;
    const read = (text: string) => {
      const result = parseWeightsSource(text);
      expect(result.ok).toBe(false);
      return result.ok ? [] : result.issues.map((i) => [i.path.join('/'), i.line, i.column, i.message]);
    };

    it('reads rates given another fact, whichever comes first in the file', () => {
      const text = `content.identifiesClient:\n  given: account.kind\n${rows('    pseudonymous: { false: 1 }\n')}account.kind: { organisational: 0.2, personal-named: 0.2, personal: 0.5, pseudonymous: 0.1 }\n`;
      expect(parseWeightsSource(text)).toEqual({
        ok: true,
        distribution: {
          'account.kind': { organisational: 0.2, 'personal-named': 0.2, personal: 0.5, pseudonymous: 0.1 },
          'content.identifiesClient': {
            given: 'account.kind',
            rates: {
              organisational: { true: 0.02, false: 0.98 },
              'personal-named': { true: 0.01, false: 0.99 },
              personal: { true: 0.005, false: 0.995 },
              pseudonymous: { false: 1 },
            },
          },
        },
      });
    });

    it('reports a row that does not sum to 1 and a missing row, at their lines', () => {
      expect(
        read(
          'content.identifiesClient:\n  given: account.kind\n  rates:\n    organisational: { true: 0.2, false: 0.9 }\n    personal: { true: 0, false: 1 }\n',
        ),
      ).toEqual([
        [
          'content.identifiesClient/rates/organisational',
          4,
          5,
          'the rates of content.identifiesClient given account.kind = organisational add up to 1.1; they must add up to 1 (a value left out has rate 0)',
        ],
        [
          'content.identifiesClient/rates',
          3,
          3,
          'the rates of fact "content.identifiesClient" given account.kind have no row for "personal-named", "pseudonymous"; every value of account.kind needs one',
        ],
      ]);
    });

    it('names an unknown given fact or row value with the nearest name', () => {
      expect(read(`content.identifiesClient:\n  given: account.knd\n${rows()}`)).toEqual([
        [
          'content.identifiesClient/given',
          2,
          10,
          'fact "content.identifiesClient" is given an unknown fact "account.knd"; did you mean "account.kind"?',
        ],
      ]);
      expect(
        read(
          `content.identifiesClient:\n  given: account.kind\n${rows('    pseudonymus: { false: 1 }\n')}`,
        )[0],
      ).toEqual([
        'content.identifiesClient/rates/pseudonymus',
        7,
        5,
        'fact "account.kind" has no value "pseudonymus"; did you mean "pseudonymous"?',
      ]);
    });

    it('refuses a fact given itself and a given fact that is itself conditional', () => {
      expect(
        read(
          'content.isAbusive:\n  given: content.isAbusive\n  rates: { true: { true: 1 }, false: { false: 1 } }\n',
        ),
      ).toEqual([
        ['content.isAbusive/given', 2, 10, 'fact "content.isAbusive" cannot be conditional on itself'],
      ]);
      expect(
        read(
          'content.isAbusive:\n  given: content.identifiesClient\n  rates: { true: { true: 1 }, false: { false: 1 } }\n' +
            'content.identifiesClient:\n  given: account.kind\n' +
            rows('    pseudonymous: { false: 1 }\n'),
        ),
      ).toEqual([
        [
          'content.isAbusive/given',
          2,
          10,
          'fact "content.isAbusive" is conditional on "content.identifiesClient", which is itself conditional on "account.kind"; a fact may only be conditional on a fact with independent rates',
        ],
      ]);
    });

    it('refuses keys other than given and rates, and a missing rates map', () => {
      expect(read('content.isAbusive:\n  given: account.kind\n  rate: {}\n')).toEqual([
        [
          'content.isAbusive/rate',
          3,
          3,
          expect.stringContaining('take only `given` and `rates`, not "rate"'),
        ],
        ['content.isAbusive/rates', 1, 1, expect.stringContaining('need `rates`')],
      ]);
    });
  });
});
