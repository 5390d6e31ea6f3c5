import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { parsePolicy } from './parse-policy.js';
import { parseScenario } from './scenario.js';
import { parseScenarioSource } from './parse-scenario-source.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';

describe('parseScenarioSource', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = parseScenarioSource('account.kind: personal\ncontext.time: own-time\n');
    const json = parseScenarioSource(
      '{ "account.kind": "personal", "context.time": "own-time" }',
      undefined,
      {
        filename: 'scenario.json',
      },
    );
    expect(yaml).toEqual(json);
    expect(yaml).toEqual(parseScenario({ 'account.kind': 'personal', 'context.time': 'own-time' }));
  });

  it('reads a .json file as JSON: a bare carriage return is whitespace, not a changed value', () => {
    // YAML folds a lone CR inside a flow scalar; JSON reads it as whitespace between tokens.
    const result = parseScenarioSource('{"account.kind":\r"personal"}', undefined, { filename: 's.json' });
    expect(result).toEqual({ ok: true, scenario: { 'account.kind': 'personal' } });
  });

  it('accepts a byte-order mark and refuses bytes that are not UTF-8, at their line and column', () => {
    const bom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('{"account.kind":"personal"}'),
    ]);
    expect(parseScenarioSource(bom, undefined, { filename: 's.json' }).ok).toBe(true);
    const latin1 = new Uint8Array([...new TextEncoder().encode('account.kind: personal\nx: caf'), 0xe9]);
    const result = parseScenarioSource(latin1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid-utf8', line: 2, column: 7 });
  });

  it('places a wrong value at its line and column, in YAML and in JSON', () => {
    const yaml = parseScenarioSource('context.time: own-time\naccount.kind: personnal\n');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.issues[0]).toMatchObject({ path: ['account.kind'], line: 2, column: 1 });
    const json = parseScenarioSource(
      '{\n  "context.time": "own-time",\n  "acount.kind": "personal"\n}',
      undefined,
      {
        filename: 's.json',
      },
    );
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.issues[0]).toMatchObject({ code: 'unknown-fact', line: 3, column: 3 });
  });

  it('reports a repeated key rather than keeping the last value', () => {
    for (const [text, filename] of [
      ['{"account.kind":"personal","account.kind":"organisation"}', 's.json'],
      ['account.kind: personal\naccount.kind: organisation\n', 's.yaml'],
    ] as const) {
      const result = parseScenarioSource(text, undefined, { filename });
      expect(result.ok).toBe(false);
    }
  });

  it('reads an empty file as the empty scenario, and a list as the wrong shape', () => {
    expect(parseScenarioSource('# nothing known yet\n')).toEqual({ ok: true, scenario: {} });
    const list = parseScenarioSource('[1, 2]');
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.issues[0]).toMatchObject({ code: 'invalid-type', line: 1, column: 1 });
  });

  it("checks custom facts against the compiled policy's vocabulary", () => {
    const parsed = parsePolicy(validPolicyJson());
    if (!parsed.ok) throw new Error('the base policy must be valid');
    const compiled = compilePolicy(parsed.policy);
    expect(parseScenarioSource('custom.campaignPhase: live', compiled)).toEqual({
      ok: true,
      scenario: { 'custom.campaignPhase': 'live' },
    });
    expect(parseScenarioSource('custom.other: true', compiled).ok).toBe(false);
  });
});
