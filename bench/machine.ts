import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

/** The machine and software a run measured on. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly date: string;
}

// Packages resolve from bench/ (the peers, core) or from core itself (zod, ts-pattern).
const resolvers = [
  createRequire(import.meta.url),
  createRequire(new URL('../packages/core/package.json', import.meta.url)),
];

function versionOf(name: string): string {
  for (const require of resolvers) {
    try {
      const file = require.resolve(`${name}/package.json`);
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      // not visible from here; try the next resolver
    }
  }
  return 'unknown';
}

/** Describes the machine: cpu model and cores from `os`, node's version, and the measured packages' versions. */
export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    packages: Object.fromEntries(
      ['@fairpost/core', 'json-logic-js', 'json-rules-engine', 'zod', 'ts-pattern', 'tsx'].map((n) => [
        n,
        versionOf(n),
      ]),
    ),
    date: new Date().toISOString(),
  };
}
