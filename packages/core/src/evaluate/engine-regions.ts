import { createSpace, type MaskRegion, nodeMasks, type ScenarioSpace } from '../region/region.js';
import type { PolicyEngine } from './compile-policy.js';

/** A compiled policy's rules and duties as regions of one space: what partial evaluation and the planner compute on. */
export interface EngineRegions {
  /** The space of complete scenarios over the facts in play (membership dimensions included). */
  readonly space: ScenarioSpace;
  /** Where each rule's condition holds, by position in priority order (`PolicyEngine.ordered`). */
  readonly ordered: readonly MaskRegion[];
  /** Where each duty's condition holds, in policy order. */
  readonly duties: readonly MaskRegion[];
}

const cache = new WeakMap<PolicyEngine, EngineRegions>();

/** The regions of a policy's rules and duties, built on first use and kept with the engine. Internal. */
export function engineRegions(engine: PolicyEngine): EngineRegions {
  let regions = cache.get(engine);
  if (!regions) {
    const space = createSpace(engine.compiled.factsInPlay, engine.compiled.domains);
    regions = {
      space,
      ordered: engine.ordered.map((rule) => nodeMasks(rule.node, space)),
      duties: engine.duties.map((duty) => nodeMasks(duty.node, space)),
    };
    cache.set(engine, regions);
  }
  return regions;
}
