// Renders every example policy beside itself as Markdown, HTML, plain text and a Mermaid flowchart. The committed
// renderings are the goldens: CI runs this and fails when they are stale. A policy that fails to parse is an error
// naming file:line:column, and nothing is written for it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, parsePolicySource } from '@fairpost/core';
import { renderHtml, renderMarkdown, renderMermaid, renderText } from '@fairpost/render';

const directory = fileURLToPath(new URL('../policies/', import.meta.url));
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
  ];
  for (const [path, text] of outputs) writeFileSync(path, text);
  console.log(`rendered ${shown} → .md .html .txt .mmd`);
}
if (failed) process.exit(1);
