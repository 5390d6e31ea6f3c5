// The Quick start's main job: load an example policy, evaluate a handful of situations, print the decisions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePolicy, evaluate, formatIssue, parsePolicySource, type Scenario } from '@fairpost/core';

const file = fileURLToPath(new URL('./policies/starter.yaml', import.meta.url));
const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
if (!parsed.ok) {
  for (const issue of parsed.issues)
    console.error(`${file}:${issue.line}:${issue.column}: ${formatIssue(issue)}`);
  process.exit(1);
}
const compiled = compilePolicy(parsed.policy);

const situations: [string, Scenario][] = [
  [
    'Posting a press release on the organisation’s account',
    {
      'account.kind': 'organisational',
      'content.identifiesClient': false,
      'content.kind': 'public-information',
    },
  ],
  [
    'A weekend post on my own account',
    { 'account.kind': 'personal', 'context.time': 'own-time', 'content.identifiesClient': false },
  ],
  ['I have been doxxed because of my work', { 'incident.kind': 'doxxing', 'incident.workRelated': true }],
];
console.log(`${parsed.policy.title} (version ${parsed.policy.version})\n`);
for (const [title, scenario] of situations) {
  const decision = evaluate(compiled, scenario);
  console.log(`● ${title}`);
  console.log(`  Outcome: ${decision.outcome}`);
  for (const rule of decision.decidedBy) console.log(`  Why: ${rule.reason}`);
  if (decision.neededFacts.length) console.log(`  Still needed: ${decision.neededFacts.join(', ')}`);
  for (const duty of decision.duties)
    console.log(
      `  Support: ${duty.holder.label} ${duty.modality} ${duty.action.phrase}${duty.deadline ? ` (${duty.deadline})` : ''}`,
    );
  console.log();
}
