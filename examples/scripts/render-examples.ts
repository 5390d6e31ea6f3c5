// Renders every example policy beside itself as Markdown, HTML, plain text and a Mermaid flowchart, and its audit
// (fairpost audit, in Markdown) in examples/audits/; the management draft's audit also under UK and US law. The
// committed renderings are the goldens: CI runs this and fails when they are stale. A policy that fails to parse is an error
// naming file:line:column, and nothing is written for it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditPolicy, formatIssue, parsePolicySource } from '@fairpost/core';
import { renderAudit, renderHtml, renderMarkdown, renderMermaid, renderText } from '@fairpost/render';

const directory = fileURLToPath(new URL('../policies/', import.meta.url));
const audits = fileURLToPath(new URL('../audits/', import.meta.url));
mkdirSync(audits, { recursive: true });
const files = readdirSync(directory)
  // `<name>.cases.yaml` beside a policy is its case table (examples/cases), not a policy.
  .filter((name) => name.endsWith('.yaml') && !name.endsWith('.cases.yaml'))
  .sort();

let failed = false;
for (const name of files) {
  const file = join(directory, name);
  const shown = relative(process.cwd(), file);
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) {
    failed = true;
    for (const issue of parsed.issues) {
      console.error(`${shown}:${issue.line ?? 1}:${issue.column ?? 1}: ${formatIssue(issue)}`);
    }
    continue;
  }
  const base = file.slice(0, -'.yaml'.length);
  const outputs: [string, string][] = [
    [`${base}.md`, renderMarkdown(parsed.policy)],
    [`${base}.html`, renderHtml(parsed.policy)],
    [`${base}.txt`, renderText(parsed.policy)],
    [`${base}.mmd`, renderMermaid(parsed.policy)],
    [join(audits, `${name.slice(0, -'.yaml'.length)}.md`), renderAudit(auditPolicy(parsed.policy))],
  ];
  if (parsed.policy.id === 'management-draft')
    outputs.push([
      join(audits, 'management-draft.uk-us.md'),
      renderAudit(auditPolicy(parsed.policy, { jurisdictions: ['uk', 'us'] })),
    ]);
  for (const [path, text] of outputs) writeFileSync(path, text);
  console.log(`rendered ${shown} → .md .html .txt .mmd, and its audit`);
}
if (failed) process.exit(1);
