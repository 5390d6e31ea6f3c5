// One scale task of `pnpm bench`, in a child process so the run can stop it after a time limit: compile, evaluate
// or analyze a generated policy of the given size, printing CPU milliseconds (or microseconds per decision).
// Usage: node --conditions=fairpost-source --import tsx bench/scale-task.ts <rules> <compile|evaluate|analyze>
import { analyzePolicy, compilePolicy, evaluate } from '@fairpost/core';
import { generatedPolicy, generatedScenarios } from './workload.js';

const rules = Number(process.argv[2]);
const task = process.argv[3] as 'compile' | 'evaluate' | 'analyze';
const policy = generatedPolicy(rules);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let value: number;
if (task === 'compile') {
  const t = cpuMs();
  compilePolicy(policy);
  value = cpuMs() - t;
} else if (task === 'evaluate') {
  const compiled = compilePolicy(policy);
  const scenarios = generatedScenarios(5000, 99);
  for (const s of scenarios.slice(0, 1000)) evaluate(compiled, s);
  const t = cpuMs();
  for (const s of scenarios) evaluate(compiled, s);
  value = ((cpuMs() - t) * 1000) / scenarios.length;
} else {
  const compiled = compilePolicy(policy);
  const t = cpuMs();
  analyzePolicy(compiled);
  value = cpuMs() - t;
}
console.log(value);
