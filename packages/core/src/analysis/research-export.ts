import { type CompiledPolicy, dimensionsOf, engineOf } from '../evaluate/compile-policy.js';
import type { Condition } from '../model/condition.js';
import { deepFreeze } from '../model/deep-freeze.js';
import { nodeDimensions, nodeFactValues, toConditionNode } from '../model/condition-node.js';
import { OUTCOMES } from '../model/outcome.js';
import type { Policy } from '../model/policy.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { conditionRegion } from '../region/region.js';
import {
  CTG_ELEMENTS,
  type CtgElement,
  catalogueCoding,
  FACT_CODING,
  THEME_REGIONS,
  THEMES,
  type Theme,
} from '../vocabulary/themes.js';
import { compiledOf } from './analyze-policy.js';
import { csvField } from './comparison-csv.js';
import type { FactDistribution } from './fact-distribution.js';
import { METRIC_FACTS, measurePolicy, metricsOf } from './policy-metrics.js';
import {
  createSpace,
  type MaskRegion,
  toMasks,
  intersectMasks,
  regionShare,
  type ScenarioSpace,
} from '../region/region.js';

/** The columns of the long-format research export, in order. */
export const RESEARCH_COLUMNS = ['policy', 'theme', 'element', 'metric', 'value', 'unit', 'weights'] as const;

/** What a research export's `value` counts: a share of the scenario space (0 to 1) or a number of things. */
export type ResearchUnit = 'share' | 'count';

/**
 * One row of the long-format research export: one figure about one policy, for the whole policy (theme and element
 * null), one theme, or one CTG element. Long format so that R (`tidyr`) and pandas can pivot it any way.
 */
export interface ResearchRecord {
  /** The policy's id. */
  readonly policy: string;
  /** The theme the figure is about, or null. */
  readonly theme: Theme | null;
  /** The CTG element the figure is about, or null. */
  readonly element: CtgElement | null;
  /** What is measured, e.g. `share-governed`, `share-not-permitted`, `duties`, `support-measures`. */
  readonly metric: string;
  /** The figure; null when it is undefined (a share of a region that weighs nothing). */
  readonly value: number | null;
  readonly unit: ResearchUnit;
  /** The weights shares are measured under: `default`, `uniform` or a name the caller gives. */
  readonly weights: string;
}

/** Options for `researchExport`. */
export interface ResearchExportOptions {
  /** How likely each fact value is; undefined measures uniformly. */
  readonly distribution?: FactDistribution | undefined;
  /** The name written in the `weights` column; `uniform` when no distribution is given, else `custom`. */
  readonly weightsName?: string;
}

/**
 * The long-format research export of policies: per policy, the outcome shares, the default's share, private-life
 * reach and counts of rules, duties and commitments; per theme, the theme's share, the share of it the policy
 * governs and forbids (`not-permitted`), the support measures and commitments coded to it; per CTG element, the rules
 * naming a fact value coded to it (the codebook codes values, so a rule about organisational accounts does not
 * count for an element coded to personal ones) and the duties and commitments coded to it. Shares are exact, under the distribution
 * given (uniform otherwise). Throws `InvalidDistributionError` for a distribution that does not fit a policy's
 * vocabulary.
 * @example
 * const rows = researchExport(policies, { distribution: defaultWeights, weightsName: 'default' });
 * writeFileSync('metrics.csv', researchExportCsv(rows));
 */
export function researchExport(
  policies: readonly (Policy | CompiledPolicy)[],
  options: ResearchExportOptions = {},
): readonly ResearchRecord[] {
  const weightsName = options.weightsName ?? (options.distribution ? 'custom' : 'uniform');
  return deepFreeze(policies.flatMap((p) => recordsOf(compiledOf(p), options.distribution, weightsName)));
}

function recordsOf(
  compiled: CompiledPolicy,
  distribution: FactDistribution | undefined,
  weights: string,
): ResearchRecord[] {
  const measured = measurePolicy(compiled, exportSpace(compiled), distribution);
  const metrics = metricsOf(measured);
  const space = measured.partition.space;
  const share = (region: MaskRegion) => regionShare(region, space, measured.weights);
  const policy = compiled.policy.id;
  const row = (
    metric: string,
    value: number | null,
    unit: ResearchUnit,
    at: { theme?: Theme; element?: CtgElement } = {},
  ): ResearchRecord => ({
    policy,
    theme: at.theme ?? null,
    element: at.element ?? null,
    metric,
    value,
    unit,
    weights,
  });
  const duties = engineOf(compiled).duties.map((d) => d.duty.action);
  const commitments = metrics.commitments;
  const rows: ResearchRecord[] = [
    ...OUTCOMES.map((o) => row(`share-${o}`, metrics.outcomeShares[o], 'share')),
    row('share-default', metrics.defaultShare, 'share'),
    row('private-life-reach', metrics.privateLifeReach, 'share'),
    row('rules', metrics.ruleCount, 'count'),
    row('duties', metrics.dutyCount, 'count'),
    row('commitments', commitments.length, 'count'),
  ];
  for (const theme of THEMES) {
    const region = toMasks(conditionRegion(THEME_REGIONS[theme], compiled.domains), space);
    const themeShare = share(region);
    const within = (keep: (outcome: string) => boolean) =>
      themeShare === 0
        ? null
        : share(
            measured.partition.pieces
              .filter((p) => keep(p.outcome))
              .flatMap((p) => intersectMasks(p.cubes, region, space)),
          ) / themeShare;
    const coded = (catalogue: 'dutyActions' | 'commitments', ids: readonly string[]) =>
      ids.filter((id) => catalogueCoding(catalogue, id)?.themes.includes(theme) ?? false).length;
    rows.push(
      row('theme-share', themeShare, 'share', { theme }),
      row(
        'share-governed',
        within((o) => o !== 'out-of-scope'),
        'share',
        { theme },
      ),
      row(
        'share-forbidden',
        within((o) => o === 'not-permitted'),
        'share',
        { theme },
      ),
      row(
        'support-measures',
        coded(
          'dutyActions',
          metrics.support.map((s) => s.action),
        ),
        'count',
        { theme },
      ),
      row('commitments', coded('commitments', commitments), 'count', { theme }),
    );
  }
  for (const element of CTG_ELEMENTS) {
    const codedTo = (catalogue: 'dutyActions' | 'commitments', ids: readonly string[]) =>
      ids.filter((id) => catalogueCoding(catalogue, id)?.ctg.includes(element) ?? false).length;
    const rules = compiled.policy.rules.filter((r) =>
      nodeFactValues(toConditionNode(r.when)).some(([fact, value]) => valueCodedTo(fact, value, element)),
    ).length;
    rows.push(
      row('rules', rules, 'count', { element }),
      row('duties', codedTo('dutyActions', duties), 'count', { element }),
      row('commitments', codedTo('commitments', commitments), 'count', { element }),
    );
  }
  return rows;
}

/** The policy's facts, the metric facts and every fact a theme region tests, in vocabulary order. */
function exportSpace(compiled: CompiledPolicy): ScenarioSpace {
  const facts = new Set([
    ...compiled.factsInPlay,
    ...METRIC_FACTS,
    ...THEMES.flatMap((t) => dimensionsOfCondition(THEME_REGIONS[t])),
  ]);
  return createSpace(
    dimensionsOf(compiled.vocabulary).filter((f) => facts.has(f)),
    compiled.domains,
  );
}

/** The engine's dimensions a condition tests (a set fact's as its membership dimensions), from the internal form. */
function dimensionsOfCondition(condition: Condition): string[] {
  return [...nodeDimensions(toConditionNode(condition))];
}

/** Whether a value of a standard fact is coded to the element (a custom fact's values are coded to none). */
function valueCodedTo(fact: string, value: FactValue, element: CtgElement): boolean {
  const values = (
    FACT_CODING as Readonly<Record<string, Readonly<Record<string, { ctg: readonly string[] }>>>>
  )[fact];
  return values?.[String(value)]?.ctg.includes(element) ?? false;
}

/**
 * A research export as CSV (RFC 4180): a header of `RESEARCH_COLUMNS`, then one line per record; numbers unquoted
 * in JavaScript's shortest round-tripping form, an empty field for null, text quoted only when it must be. Lines end
 * with CRLF as RFC 4180 asks; R's `read.csv` and pandas' `read_csv` load it with typed columns as is.
 * @example
 * writeFileSync('metrics.csv', researchExportCsv(researchExport(policies)));
 */
export function researchExportCsv(records: readonly ResearchRecord[]): string {
  const field = (value: string | number | null) =>
    value === null ? '' : typeof value === 'number' ? String(value) : csvField(value);
  const lines = [
    RESEARCH_COLUMNS.join(','),
    ...records.map((r) => RESEARCH_COLUMNS.map((c) => field(r[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
