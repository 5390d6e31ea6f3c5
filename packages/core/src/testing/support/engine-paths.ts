import { compileEngine, type EngineOptions } from '../../evaluate/compile-policy.js';
import type { CompiledPolicy } from '../../evaluate/compile-policy.js';
import type { Policy } from '../../model/policy.js';

/** One way the engine can run: every property of the evaluator, planner and analysis is checked on each. */
export interface EnginePath {
  readonly name: string;
  readonly options: EngineOptions;
  readonly compile: (policy: Policy) => CompiledPolicy;
}

const path = (name: string, options: EngineOptions): EnginePath => ({
  name,
  options,
  compile: (policy) => {
    const engine = compileEngine(policy, options);
    // Proves the path asked for is the one that runs: generated code where asked, closures where not.
    if (engine.generated !== (options.generateCode ?? true)) throw new Error(`${name}: wrong engine path`);
    return engine.compiled;
  },
});

/** Generated code (the default) and closures (`generateCode: false`). */
export const ENGINE_PATHS: readonly EnginePath[] = [
  path('generated code', {}),
  path('closures', { generateCode: false }),
];

/** The same, plus partial scenarios decided by region algebra rather than by enumerating completions. */
export const PARTIAL_ENGINE_PATHS: readonly EnginePath[] = [
  ...ENGINE_PATHS,
  path('closures, regions', { generateCode: false, completionLimit: 0 }),
  path('generated code, regions', { completionLimit: 0 }),
];

let turn = 0;
/**
 * Compiles on each engine path in turn (generated code, then closures, …), so a property that compiles many
 * policies checks both paths without running twice.
 */
export function compileAlternately(policy: Policy): CompiledPolicy {
  turn = (turn + 1) % ENGINE_PATHS.length;
  return ENGINE_PATHS[turn]!.compile(policy);
}
