import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** The TypeScript block between the README's example markers. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- readme-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- readme-example:end -->/.exec(
    readme,
  );
  if (!block?.[1]) throw new Error('README.md has no example between the readme-example markers');
  return block[1];
}

describe('the README example', () => {
  it('runs as written and prints what its comments say', () => {
    // Written inside test/ so that it resolves the workspace packages as a user's project would.
    const file = join(root, 'test', '.tmp-readme-example.ts');
    writeFileSync(file, readmeExample());
    try {
      const out = execFileSync(process.execPath, ['--conditions=fairpost-source', '--import', 'tsx', file], {
        cwd: root,
        encoding: 'utf8',
      });
      const lines = out.split('\n');
      expect(lines[0]).toBe('undetermined');
      expect(out).toContain("[ 'content.identifiesClient' ]");
      expect(lines[3]).toBe('out-of-scope');
      expect(lines[2]).toBe('Could the content identify a client or service user?');
      expect(out).toMatch(/^Safety lead must Receive the report PT\d+H$/m);
      expect(out).toContain('The safety lead must receive your report');
    } finally {
      rmSync(file, { force: true });
    }
  }, 60_000);
});
