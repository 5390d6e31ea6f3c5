import { deepFreeze } from '../model/deep-freeze.js';
import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import { OUTCOMES } from '../model/outcome.js';
import type { Policy } from '../model/policy.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { compiledOf } from './analyze-policy.js';
import {
  type MetricsOptions,
  type PolicyMetrics,
  policyMetrics,
  type SupportEntry,
} from './policy-metrics.js';

/** What a column of the comparison table measures. */
export type ComparisonColumnGroup = 'policy' | 'outcome' | 'scope' | 'support' | 'commitment';

/** A column of the comparison table. */
export interface ComparisonColumn {
  /** A stable key (`outcome.not-permitted`, `support.receive-report`, `commitment.no-password-requests`). */
  readonly key: string;
  /** A heading for people. */
  readonly label: string;
  readonly group: ComparisonColumnGroup;
  /** What the column holds, in a sentence. */
  readonly description: string;
}

/** A cell: text, a number (shares are rounded to 4 decimal places), a yes/no, or null for nothing. */
export type ComparisonCell = string | number | boolean | null;

/** One policy's row. */
export interface ComparisonRow {
  readonly policyId: string;
  readonly cells: Readonly<Record<string, ComparisonCell>>;
}

/** Many policies side by side, in one standard form: rows per policy, columns per metric, duty action and commitment. */
export interface ComparisonTable {
  /** The vocabulary the columns come from. */
  readonly vocabulary: string;
  /** How shares were weighted. */
  readonly weighting: 'uniform' | 'distribution';
  readonly columns: readonly ComparisonColumn[];
  readonly rows: readonly ComparisonRow[];
}

const round = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1e4) / 1e4;

/** A support entry as one cell: "must, comms-team, PT24H", plus "with consent" and the coverage when partial. */
export function describeSupport(entry: SupportEntry): string {
  const parts: string[] = [entry.modality, ...entry.holders];
  if (entry.deadline) parts.push(entry.deadline);
  if (entry.consentRequired) parts.push('with consent');
  if (entry.coverage !== null && entry.coverage < 1)
    parts.push(`${Math.round(entry.coverage * 1000) / 10}% of incidents`);
  return parts.join(', ');
}

function columnsFor(compiled: readonly CompiledPolicy[]): ComparisonColumn[] {
  const policy = (key: string, label: string, description: string): ComparisonColumn => ({
    key,
    label,
    group: 'policy',
    description,
  });
  // The standard catalogue entries always get a column, so tables of different policy sets line up; custom
  // entries used by some policy are added after them.
  const entries = (catalogue: 'dutyActions' | 'commitments') => {
    const seen = new Map(standardVocabulary.catalogues[catalogue]);
    for (const c of compiled)
      for (const [id, entry] of c.vocabulary.catalogues[catalogue]) if (!seen.has(id)) seen.set(id, entry);
    return [...seen.values()];
  };
  return [
    policy('id', 'Policy', 'The policy’s id.'),
    policy('title', 'Title', 'The policy’s title.'),
    policy('organisation', 'Organisation', 'The organisation the policy belongs to.'),
    policy('version', 'Version', 'The policy’s own version.'),
    policy('resolution', 'Resolution', 'How matching rules combine: first-match or strictest.'),
    policy('rules', 'Rules', 'How many decision rules it has.'),
    policy('duties', 'Duties', 'How many support duties it has.'),
    ...OUTCOMES.map(
      (outcome): ComparisonColumn => ({
        key: `outcome.${outcome}`,
        label: `Share ${outcome}`,
        group: 'outcome',
        description: `The share of the scenario space whose outcome is ${outcome}.`,
      }),
    ),
    {
      key: 'default',
      label: 'Share left to the default',
      group: 'scope',
      description: 'The share of the scenario space no rule covers.',
    },
    {
      key: 'private-life-reach',
      label: 'Private-life reach',
      group: 'scope',
      description:
        'Of own-time scenarios on personal or pseudonymous accounts, the share the policy governs (not out of scope).',
    },
    ...entries('dutyActions').map(
      (entry): ComparisonColumn => ({
        key: `support.${entry.id}`,
        label: entry.label,
        group: 'support',
        description: `Whether the organisation must, should or may ${entry.phrase} after a work-related incident, and how soon.`,
      }),
    ),
    ...entries('commitments').map(
      (entry): ComparisonColumn => ({
        key: `commitment.${entry.id}`,
        label: entry.label,
        group: 'commitment',
        description: `Whether the policy commits: ${entry.phrase}.`,
      }),
    ),
  ];
}

function rowFor(metrics: PolicyMetrics, columns: readonly ComparisonColumn[]): ComparisonRow {
  const cells: Record<string, ComparisonCell> = {
    id: metrics.policyId,
    title: metrics.title,
    organisation: metrics.organisation,
    version: metrics.version,
    resolution: metrics.resolution,
    rules: metrics.ruleCount,
    duties: metrics.dutyCount,
    default: round(metrics.defaultShare),
    'private-life-reach': round(metrics.privateLifeReach),
  };
  for (const outcome of OUTCOMES) cells[`outcome.${outcome}`] = round(metrics.outcomeShares[outcome]);
  const commitments = new Set(metrics.commitments);
  for (const column of columns) {
    const id = column.key.slice(column.key.indexOf('.') + 1);
    if (column.group === 'support') {
      const entry = metrics.support.find((s) => s.action === id);
      cells[column.key] = entry ? describeSupport(entry) : null;
    } else if (column.group === 'commitment') cells[column.key] = commitments.has(id);
  }
  return { policyId: metrics.policyId, cells };
}

/**
 * Many policies in one table a researcher can load: a row per policy; columns for the share of the scenario
 * space per outcome, the share left to the default, private-life reach, each duty action of the catalogue (modality,
 * deadline, consent, coverage) and each commitment. Serialise it with `JSON.stringify`, `comparisonTableCsv`, or
 * `renderComparisonMarkdown` from `@fairpost/render`.
 * @example
 * const table = comparisonTable([starter, strict]);
 * writeFileSync('comparison.csv', comparisonTableCsv(table));
 */
export function comparisonTable(
  policies: readonly (Policy | CompiledPolicy)[],
  options: MetricsOptions = {},
): ComparisonTable {
  const compiled = policies.map(compiledOf);
  const columns = columnsFor(compiled);
  return deepFreeze({
    vocabulary: standardVocabulary.id,
    weighting:
      options.distribution && Object.keys(options.distribution).length > 0 ? 'distribution' : 'uniform',
    columns,
    rows: compiled.map((c) => rowFor(policyMetrics(c, options), columns)),
  });
}
