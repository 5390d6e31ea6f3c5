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
});
