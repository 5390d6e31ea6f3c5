import fc from 'fast-check';

// One switch for how long every fast-check property runs. The suite (and CI) runs each property its own small
// count; `pnpm test:long` sets FAIRPOST_PROPERTY_SCALE (20 by default) and every property runs that many times
// more, the ones without a count of their own included (fast-check's default of 100, scaled the same way).

/** The factor every property's count is multiplied by: FAIRPOST_PROPERTY_SCALE, 1 when unset. */
export const PROPERTY_SCALE = readScale(process.env.FAIRPOST_PROPERTY_SCALE);

function readScale(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`FAIRPOST_PROPERTY_SCALE must be a positive number; found ${JSON.stringify(text)}`);
  return scale;
}

/** How many times to run a property whose count in the suite is `suite`: that, times the scale, at least 1. */
export function runs(suite: number): number {
  return Math.max(1, Math.round(suite * PROPERTY_SCALE));
}

/** Makes fast-check's own default (100 runs) follow the scale too: the vitest setup file calls it. */
export function scaleDefaultRuns(): void {
  fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: runs(100) });
}
