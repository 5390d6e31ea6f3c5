// The Quick start's main job (`pnpm demo`): load the flagship policy — the staff union's alternative — evaluate a
// handful of the situations its case table proves, and print each decision in words.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePolicy, evaluate, formatIssue, parsePolicySource, type Scenario } from '@fairpost/core';
import { renderDecision } from '@fairpost/render';

const file = fileURLToPath(new URL('./policies/000_staff-union-alternative.yaml', import.meta.url));
const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
if (!parsed.ok) {
  for (const issue of parsed.issues)
    console.error(`${file}:${issue.line}:${issue.column}: ${formatIssue(issue)}`);
  process.exit(1);
}
const compiled = compilePolicy(parsed.policy);

// Each situation is also a case in 000_staff-union-alternative.cases.yaml, where the test suite checks its decision.
const situations: [string, Scenario][] = [
  [
    'I post about my weekend on my own account, in my own time',
    {
      'activity.kind': 'post',
      'account.kind': 'personal',
      'context.time': 'own-time',
      'content.identifiesClient': false,
      'content.isAbusive': false,
      'incident.kind': 'none',
    },
  ],
  [
    'I want to give my view on our campaign, from an account that says where I work',
    {
      'activity.kind': 'post',
      'account.kind': 'personal-named',
      'context.time': 'own-time',
      'content.kind': 'view-on-work-topic',
      'content.identifiesClient': false,
      'content.isAbusive': false,
      'incident.kind': 'none',
    },
  ],
  [
    'I want to share our published report on the organisation’s account',
    {
      'activity.kind': 'share',
      'account.kind': 'organisational',
      'content.kind': 'public-information',
      'content.identifiesClient': false,
      'content.isAbusive': false,
      'incident.kind': 'none',
    },
  ],
  [
    'I want to post something on my own account in my own time (and have said nothing else)',
    {
      'activity.kind': 'post',
      'account.kind': 'personal',
      'context.time': 'own-time',
      'content.isAbusive': false,
    },
  ],
  [
    'I send an abusive message to a colleague from my own account, in my own time',
    {
      'activity.kind': 'message',
      'account.kind': 'personal',
      'context.time': 'own-time',
      'content.identifiesClient': false,
      'content.isAbusive': true,
      'counterpart.kind': 'colleague',
      'incident.kind': 'none',
    },
  ],
  [
    'I have been doxxed because of my work, my safety is at risk, and I am tempted to reply',
    {
      'actor.role': 'staff',
      'activity.kind': 'reply-to-criticism',
      'incident.kind': 'doxxing',
      'incident.workRelated': true,
      'incident.severity': 'risk-to-safety',
    },
  ],
];

console.log(`${parsed.policy.title} (${parsed.policy.version})\n`);
for (const [title, scenario] of situations) {
  const decision = evaluate(compiled, scenario);
  console.log(`● ${title}`);
  const text = renderDecision(decision, { vocabulary: compiled }).trimEnd();
  console.log(`${text.replace(/^/gm, '  ')}\n`);
}
