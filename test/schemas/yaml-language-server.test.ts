import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { socialMediaVocabulary } from '@fairpost/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Scalar, stringify } from 'yaml';
import { policyTemplate } from '../../packages/cli/src/policy-template.js';
import { BROKEN_CONDITIONS, ENUM_FACT_NAMES, FACT_NAMES, valuesOf } from './support/broken-conditions.js';
import { basePolicy } from './support/invalid-policies.js';
import { REPOSITORY_ROOT, YamlLanguageClient } from './support/yaml-language-client.js';

// The modeline `fairpost init` writes and the examples carry, resolved from a document beside the examples. The
// documents are sent to the server, never written to disk.
const MODELINE = '# yaml-language-server: $schema=../../packages/schemas/json/draft-07/policy.json';
const POLICIES = join(REPOSITORY_ROOT, 'examples', 'policies');
let documents = 0;
const probePath = () => join(POLICIES, `editor-probe-${documents++}.yaml`);

/** The base policy as YAML in block style, with `condition` as its duty's condition, and that condition's lines. */
function policyText(condition: unknown): { text: string; lines: [number, number] } {
  const policy = basePolicy() as { duties: { when: unknown }[] };
  policy.duties[0]!.when = condition;
  const text = `${MODELINE}\n${stringify(policy)}`;
  const duty = parseDocument(text).getIn(['duties', 0], true);
  const pair = isMap(duty) ? duty.items.find((p) => isScalar(p.key) && p.key.value === 'when') : undefined;
  const [key, value] = [pair?.key as Scalar | undefined, pair?.value as Scalar | undefined];
  if (!key?.range || !value?.range) throw new Error('the duty has no condition');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  // From the `when:` key (an editor may mark a missing property there) to the condition's end.
  return { text, lines: [lineOf(key.range[0]), lineOf(value.range[1])] };
}

/** The policies people copy: the examples (case tables aside) and what `fairpost init` writes beside them. */
function policiesPeopleStartFrom(): Record<string, string> {
  const files = readdirSync(POLICIES).filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'));
  expect(files.length).toBeGreaterThan(5);
  return {
    ...Object.fromEntries(files.map((file) => [file, readFileSync(join(POLICIES, file), 'utf8')])),
    'init-probe.yaml': policyTemplate('init-probe.yaml', POLICIES),
  };
}

/** The source text of every condition written as a flow mapping, under any `when`, however deep. */
function flowStyleConditions(node: unknown, inCondition = false): string[] {
  if (isMap(node)) {
    const here = inCondition && node.flow ? [String(node)] : [];
    return here.concat(
      node.items.flatMap((pair) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const condition = key === 'when' || (inCondition && ['all', 'any', 'not'].includes(key));
        return flowStyleConditions(pair.value, condition);
      }),
    );
  }
  if (isSeq(node)) return node.items.flatMap((item) => flowStyleConditions(item, inCondition));
  return [];
}

let client: YamlLanguageClient;
beforeAll(async () => {
  client = await YamlLanguageClient.start(REPOSITORY_ROOT);
}, 30000);
afterAll(async () => {
  await client?.stop();
});

/** How long the list of every fact name is, quoted: the most a message about a misspelt fact needs to say. */
const FACT_NAMES_LENGTH = socialMediaVocabulary.facts.map((f) => `"${f.name}"`).join(', ').length;

describe('yaml-language-server over stdio, with the published draft-07 schema', () => {
  it('finds nothing wrong in the example policies, the starter, and what `fairpost init` writes', async () => {
    for (const [name, text] of Object.entries(policiesPeopleStartFrom())) {
      // `fairpost init` points at the nearest schema file it finds (here through examples/node_modules).
      expect(text.split('\n')[0], name).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/[^:]*draft-07\/policy\.json$/,
      );
      expect(await client.open(join(POLICIES, name), text), name).toEqual([]);
    }
  });

  it('is given conditions in block style, where it completes (not `{ fact: x, is: ▮ }`, where it cannot)', () => {
    for (const [name, text] of Object.entries(policiesPeopleStartFrom())) {
      const flow = flowStyleConditions(parseDocument(text).contents);
      expect(flow, name).toEqual([]);
    }
  });

  for (const broken of BROKEN_CONDITIONS) {
    it(`says it in one short line: ${broken.name}`, async () => {
      const { text, lines } = policyText(broken.condition);
      const diagnostics = await client.open(probePath(), text);
      expect(
        diagnostics.map((d) => d.message),
        text,
      ).toHaveLength(broken.editor.count);
      expect(diagnostics[0]!.message).toBe(broken.editor.first);
      for (const { range, message } of diagnostics) {
        expect(range.start.line, message).toBeGreaterThanOrEqual(lines[0]);
        expect(range.start.line, message).toBeLessThanOrEqual(lines[1]);
        // A misspelt fact is answered with the facts there are: the bound grows with the vocabulary alone.
        expect(message.length).toBeLessThan(250 + FACT_NAMES_LENGTH);
      }
    });
  }

  it('never says a value of one fact is expected of another', async () => {
    for (const fact of ENUM_FACT_NAMES) {
      const others = ENUM_FACT_NAMES.filter((f) => f !== fact).flatMap(valuesOf);
      const foreign = others.filter((value) => !valuesOf(fact).includes(value));
      const { text } = policyText({ fact, is: 'not-a-value' });
      const [diagnostic, ...rest] = await client.open(probePath(), text);
      expect(rest).toEqual([]);
      for (const value of valuesOf(fact)) expect(diagnostic!.message).toContain(`"${value}"`);
      for (const value of foreign) expect(diagnostic!.message).not.toContain(`"${value}"`);
    }
  });

  it('completes a condition’s fact with the fact names, and its value with only that fact’s values', async () => {
    const { text } = policyText({ fact: 'account.kind', is: 'personal' });
    const lines = text.split('\n');
    const factLine = lines.findIndex(
      (l, i) => i > lines.indexOf('duties:') && l.includes('fact: account.kind'),
    );
    const emptied = lines.map((l, i) => (i === factLine ? l.replace('account.kind', '') : l));
    const factPath = probePath();
    await client.open(factPath, emptied.join('\n'));
    const names = await client.complete(factPath, factLine, emptied[factLine]!.length);
    expect(names.map((item) => item.label)).toEqual(expect.arrayContaining(FACT_NAMES));

    for (const fact of ['account.kind', 'incident.severity', 'incident.workRelated']) {
      const { text: withFact } = policyText({ fact, is: null });
      const valueLines = withFact.split('\n');
      const duties = valueLines.indexOf('duties:');
      const isLine = valueLines.findIndex(
        (_line, i) => i > duties && valueLines[i - 1]!.includes(`fact: ${fact}`),
      );
      valueLines[isLine] = valueLines[isLine]!.replace(/is: null$/, 'is: ');
      const path = probePath();
      await client.open(path, valueLines.join('\n'));
      const items = await client.complete(path, isLine, valueLines[isLine]!.length);
      const expected = ENUM_FACT_NAMES.includes(fact) ? valuesOf(fact) : ['true', 'false'];
      expect(
        items.map((item) => item.label),
        fact,
      ).toEqual(expect.arrayContaining(expected));
      expect(items.map((item) => item.label).sort(), fact).toEqual([...expected].sort());
    }
  });
});
