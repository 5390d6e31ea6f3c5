import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const PROJECT = join(import.meta.dirname, 'tsconfig.json');

/** Runs the consumer project's compiler; returns its exit code and output instead of throwing. */
function tsc(...args: string[]): { code: number; output: string } {
  try {
    return {
      code: 0,
      output: execFileSync(process.execPath, [TSC, '-p', PROJECT, ...args], { encoding: 'utf8' }),
    };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { code: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('a consumer project that has only the generated types and the JSON Schema', () => {
  it('type-checks a sample policy, and the compiler refuses a wrong fact value and a wrong outcome', () => {
    const { code, output } = tsc('--noEmit');
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('compiles without reading any file of @fairpost/core', () => {
    const { code, output } = tsc('--listFilesOnly');
    expect(code).toBe(0);
    const files = output.split('\n').filter((line) => line.trim() !== '');
    expect(files.some((file) => file.endsWith('policy.generated.ts'))).toBe(true);
    expect(files.filter((file) => file.includes('packages/core'))).toEqual([]);
  });
});
