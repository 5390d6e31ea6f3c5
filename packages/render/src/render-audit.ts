import type { AuditFinding, AuditReport, AuditSeverity } from '@fairpost/core';
import { formatShare } from '@fairpost/core';
import { escapeHtml } from './escape-html.js';
import { escapeMarkdown } from './escape-markdown.js';
import { safeHref } from './safe-href.js';

/** The formats `renderAudit` writes. */
export type AuditFormat = 'markdown' | 'html' | 'text';

/** Options for `renderAudit`. */
export interface RenderAuditOptions {
  /** The format (Markdown by default). */
  readonly format?: AuditFormat;
  /** The least severity shown: `note` (everything, the default), `warning` or `error`. */
  readonly least?: AuditSeverity;
  /**
   * The words for the weights the shares were measured under, printed beside them ("the weights in team.yaml");
   * by default from the report: "the default weights", "uniform weights" or "the weights given".
   */
  readonly weightsName?: string;
}

const WEIGHTS_NAME: Record<AuditReport['weights'], string> = {
  default: 'the default weights',
  uniform: 'uniform weights',
  given: 'the weights given',
};

const RANK: Record<AuditSeverity, number> = { error: 0, warning: 1, note: 2 };
const LEVEL: Record<AuditSeverity, string> = { error: 'Error', warning: 'Warning', note: 'Note' };

/** The findings by theme, themes in the order they first appear (the criteria's order). */
function byTheme(findings: readonly AuditFinding[]): [string, AuditFinding[]][] {
  const themes = new Map<string, AuditFinding[]>();
  for (const f of findings) {
    const list = themes.get(f.theme) ?? [];
    list.push(f);
    themes.set(f.theme, list);
  }
  return [...themes];
}

/** Who and what a finding involves, as plain text (the renderers escape it). */
function involved(f: AuditFinding): string[] {
  return [
    ...(f.ruleIds.length > 0 ? [`Rules: ${f.ruleIds.join(', ')}`] : []),
    ...(f.byDefault ? ['And the policy’s default outcome'] : []),
    ...(f.dutyIds.length > 0 ? [`Duties: ${f.dutyIds.join(', ')}`] : []),
    ...(f.commitmentIds.length > 0 ? [`Commitments: ${f.commitmentIds.join(', ')}`] : []),
  ];
}

function sourceText(f: AuditFinding): string {
  const s = f.source;
  return `${s.title}, ${s.publisher} (${s.year})${s.section ? `, “${s.section}”` : ''}`;
}

/** Longer region descriptions are left to the JSON report, so that the page stays a page. */
const LONGEST_REGION = 160;

function regionText(f: AuditFinding, weights: string): string {
  const reach = f.reach === undefined ? '' : `; the policy reaches ${formatShare(f.reach)} of them`;
  const share = `${formatShare(f.region.share)} of all situations under ${weights}${reach}`;
  return f.region.description.length <= LONGEST_REGION
    ? `${f.region.description} (${share})`
    : `${share} (the exact situations are in the JSON report)`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The heading over a theme's missing checklist measures. */
function checklistHeading(report: AuditReport, list: readonly AuditFinding[]): string {
  const first = list[0]!;
  return `Missing from the checklist (${report.checklist.provided} of ${report.checklist.total} provided), from ${sourceText(first)}:`;
}

function heading(report: AuditReport): string {
  return `Audit: ${report.title}`;
}

function criteriaLine(report: AuditReport, weights: string): string {
  const where =
    report.jurisdictions.length > 0
      ? `for ${report.jurisdictions.map((j) => j.toUpperCase()).join(', ')}`
      : 'with no jurisdiction declared (criteria of particular laws not applied)';
  return `Criteria ${report.criteria.id} ${report.criteria.version} (${report.criteria.format}), ${where}: ${plural(report.counts.error, 'error')}, ${plural(report.counts.warning, 'warning')}, ${plural(report.counts.note, 'note')}. Shares are measured under ${weights}.`;
}

function markdown(report: AuditReport, findings: readonly AuditFinding[], weights: string): string {
  const md = escapeMarkdown;
  const out = [
    `# ${md(heading(report))}`,
    '',
    `**${md(report.summary)}**`,
    '',
    md(criteriaLine(report, weights)),
    '',
  ];
  for (const [theme, list] of byTheme(findings)) {
    out.push(`## ${md(theme)}`, '');
    const measures = list.filter((f) => f.checklist);
    for (const f of list.filter((f) => !f.checklist)) {
      const href = safeHref(f.source.url);
      const source = href
        ? `[${md(sourceText(f))}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`
        : md(sourceText(f));
      out.push(
        `### ${md(LEVEL[f.severity])}: ${md(f.title)}`,
        '',
        md(f.message),
        '',
        `- *Criterion:* ${md(f.criterion)}`,
        `- *Source:* ${source}`,
        ...involved(f).map((line) => `- ${md(line)}`),
        `- *Situations:* ${md(regionText(f, weights))}`,
        `- *Fix:* ${md(f.fix)}`,
        '',
      );
    }
    if (measures.length > 0) {
      out.push(md(checklistHeading(report, measures)), '');
      for (const f of measures) out.push(`- **${md(f.title)}** (${md(f.severity)}): ${md(f.fix)}`);
      out.push('');
    }
  }
  if (findings.length === 0) out.push('Nothing to report.', '');
  return `${out.join('\n').trimEnd()}\n`;
}

function html(report: AuditReport, findings: readonly AuditFinding[], weights: string): string {
  const h = escapeHtml;
  const out = [
    '<section class="fairpost-audit">',
    `<h1>${h(heading(report))}</h1>`,
    `<p class="audit-summary"><strong>${h(report.summary)}</strong></p>`,
    `<p>${h(criteriaLine(report, weights))}</p>`,
  ];
  for (const [theme, list] of byTheme(findings)) {
    out.push(`<h2>${h(theme)}</h2>`);
    const measures = list.filter((f) => f.checklist);
    for (const f of list.filter((f) => !f.checklist)) {
      const href = safeHref(f.source.url);
      const source = href ? `<a href="${h(href)}">${h(sourceText(f))}</a>` : h(sourceText(f));
      out.push(
        `<article class="audit-finding audit-${f.severity}" id="audit-${h(f.id)}">`,
        `<h3>${h(LEVEL[f.severity])}: ${h(f.title)}</h3>`,
        `<p>${h(f.message)}</p>`,
        '<ul>',
        `<li><em>Criterion:</em> ${h(f.criterion)}</li>`,
        `<li><em>Source:</em> ${source}</li>`,
        ...involved(f).map((line) => `<li>${h(line)}</li>`),
        `<li><em>Situations:</em> ${h(regionText(f, weights))}</li>`,
        `<li><em>Fix:</em> ${h(f.fix)}</li>`,
        '</ul>',
        '</article>',
      );
    }
    if (measures.length > 0) {
      const href = safeHref(measures[0]!.source.url);
      out.push(
        `<p>${h(checklistHeading(report, measures))}${href ? ` <a href="${h(href)}">${h(href)}</a>` : ''}</p>`,
        '<ul class="audit-checklist">',
        ...measures.map(
          (f) =>
            `<li id="audit-${h(f.id)}"><strong>${h(f.title)}</strong> (${h(f.severity)}): ${h(f.fix)}</li>`,
        ),
        '</ul>',
      );
    }
  }
  if (findings.length === 0) out.push('<p>Nothing to report.</p>');
  out.push('</section>');
  return `${out.join('\n')}\n`;
}

/** Control characters other than line breaks and tabs, which could move a terminal's cursor or change its colours. */
const CONTROL = /(?![\n\t])\p{Cc}/gu;

function text(report: AuditReport, findings: readonly AuditFinding[], weights: string): string {
  const t = (s: string) => s.replace(CONTROL, '\uFFFD');
  const out = [t(heading(report)), '', t(report.summary), '', t(criteriaLine(report, weights)), ''];
  for (const [theme, list] of byTheme(findings)) {
    out.push(t(theme.toUpperCase()), '');
    const measures = list.filter((f) => f.checklist);
    for (const f of list.filter((f) => !f.checklist)) {
      out.push(
        `${LEVEL[f.severity].toLowerCase()}: ${t(f.title)} [${t(f.id)}]`,
        `  ${t(f.message)}`,
        `  Criterion: ${t(f.criterion)}`,
        `  Source: ${t(sourceText(f))} ${t(f.source.url)}`,
        ...involved(f).map((line) => `  ${t(line)}`),
        `  Situations: ${t(regionText(f, weights))}`,
        `  Fix: ${t(f.fix)}`,
        '',
      );
    }
    if (measures.length > 0) {
      out.push(t(checklistHeading(report, measures)), `  ${t(measures[0]!.source.url)}`);
      for (const f of measures) out.push(`  - ${t(f.title)} (${f.severity}): ${t(f.fix)}`);
      out.push('');
    }
  }
  if (findings.length === 0) out.push('Nothing to report.', '');
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Renders an audit as a page a union rep can hand round: the quotable summary, then the findings grouped by theme,
 * each with the criterion, its published source (linked where the address is a web address), what is involved, the
 * situations affected and the fix. Everything from the policy or the criteria is escaped, so hostile text stays
 * inert in Markdown, HTML and the terminal.
 * @example
 * const page = renderAudit(auditPolicy(policy), { format: 'html' });
 */
export function renderAudit(report: AuditReport, options: RenderAuditOptions = {}): string {
  const least = options.least ?? 'note';
  const findings = report.findings.filter((f) => RANK[f.severity] <= RANK[least]);
  const format = options.format ?? 'markdown';
  const weights = options.weightsName ?? WEIGHTS_NAME[report.weights];
  switch (format) {
    case 'markdown':
      return markdown(report, findings, weights);
    case 'html':
      return html(report, findings, weights);
    case 'text':
      return text(report, findings, weights);
    default:
      return format satisfies never;
  }
}
