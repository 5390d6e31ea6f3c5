// Whether scenarios not seen before cost Fairpost more than seen ones, on 200 rules over 14 facts, without the
// other engines of `pnpm bench` in the process: Fairpost (validated and trusted) and the generated if-chain, each
// on 5,000 fresh scenarios every round and on the same 5,000 every round, interleaved, CPU time. Not part of
// `pnpm bench`; BENCHMARKS.md's note on the 200-rule target cites it.
// Run: node --expose-gc --conditions=fairpost-source --import tsx bench/probe-unseen.ts
import { SCENARIO_SEED } from './bench-cases.js';
import { fairpostEngine } from './engines/fairpost.js';
import { ifChainEngine } from './engines/if-chain.js';
import { type Contender, interleave, rangeOf, ratios, syncPass } from './measure.js';
import { generatedPolicy, generatedScenarios, LARGE_FACTS } from './workload.js';

const ROUNDS = 9;
const PER_ROUND = 5_000;
const policy = generatedPolicy(200, 200, LARGE_FACTS);
const seen = generatedScenarios(PER_ROUND, SCENARIO_SEED, LARGE_FACTS);
const fresh = Array.from({ length: ROUNDS }, (_, r) =>
  generatedScenarios(PER_ROUND, SCENARIO_SEED + 1 + r, LARGE_FACTS),
);
// Warm-up (round -1) on many scenarios of their own, so every rule's branch has run before timing, in the engines
// and in the floor alike; with a warm-up of 5,000 the rules first taken in a timed round cost a deoptimisation and
// a recompilation there (with WARM=5000 this probe shows it).
const warm = generatedScenarios(Number(process.env.WARM ?? 50_000), SCENARIO_SEED + 1 + ROUNDS, LARGE_FACTS);
const unseen = (round: number) => (round < 0 ? warm : fresh[round]!);

const engines = [fairpostEngine(policy), fairpostEngine(policy, { trusted: true }), ifChainEngine(policy)];
const contenders: Contender[] = engines.flatMap((e) => [
  { name: `${e.name}, unseen`, pass: syncPass(e.decide as (i: unknown) => unknown, unseen) },
  { name: `${e.name}, seen`, pass: syncPass(e.decide as (i: unknown) => unknown, () => seen) },
]);
const times = await interleave(contenders, { rounds: ROUNDS });
const floor = (kind: string) => times.get(`generated if-chain (JS), ${kind}`)!;
console.log('| engine | CPU ns per decision | wall ns | vs the if-chain on the same scenarios |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, t] of times) {
  const r = rangeOf(ratios(t, floor(name.endsWith('unseen') ? 'unseen' : 'seen')));
  console.log(
    `| ${name} | ${rangeOf(t.cpuNs).median.toFixed(0)} | ${rangeOf(t.wallNs).median.toFixed(0)} | ${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}) |`,
  );
}
