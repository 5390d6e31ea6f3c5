// Every example policy in examples/policies, parsed: the renderers are tested on the real policies people read.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssue, type Policy, parsePolicySource } from '@fairpost/core';

const directory = fileURLToPath(new URL('../../../examples/policies/', import.meta.url));

/** The example policies by file name (case tables, `*.cases.yaml`, are not policies). */
export const examplePolicies: readonly { readonly file: string; readonly policy: Policy }[] = readdirSync(
  directory,
)
  .filter((name) => name.endsWith('.yaml') && !name.endsWith('.cases.yaml'))
  .sort()
  .map((file) => {
    const parsed = parsePolicySource(readFileSync(directory + file, 'utf8'), { filename: file });
    if (!parsed.ok) {
      throw new Error(
        `${file}: ${parsed.issues.map((i) => `${i.line}:${i.column}: ${formatIssue(i)}`).join('\n')}`,
      );
    }
    return { file, policy: parsed.policy };
  });
