import { compilePolicy, evaluate } from '@fairpost/core';
import { generatedPolicy, generatedScenarios, LARGE_FACTS } from './workload.js';
const policy = generatedPolicy(200, 200, LARGE_FACTS);
const compiled = compilePolicy(policy);
const sets = Array.from({ length: 20 }, (_, r) => generatedScenarios(5000, 99 + r, LARGE_FACTS));
const time = (label: string, run: () => void) => {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  console.log(label, ((t.user + t.system) * 1000) / 95000);
};
for (let k = 0; k < 3; k++) {
  time('seen (set 0 x19)', () => {
    for (let r = 0; r < 19; r++) for (const s of sets[0]!) evaluate(compiled, s);
  });
  time('unseen (sets 1..19)', () => {
    for (const set of sets.slice(1)) for (const s of set) evaluate(compiled, s);
  });
}
