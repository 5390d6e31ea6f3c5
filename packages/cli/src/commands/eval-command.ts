import { evaluate } from '@fairpost/core';
import { renderDecision } from '@fairpost/render';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { loadScenarioFile, parseFactAssignments, withUnsure } from '../load-scenario.js';

/** `fairpost eval <policy>`: what the policy says about one situation, in words or as JSON. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'Evaluate a policy on a situation given as facts; prints the decision in words, or as JSON.',
  usage:
    'fairpost eval <policy> [--scenario file] [--fact name=value …] [--unsure fact …] [--trace] [--json]',
  optionHelp: [
    '--scenario <file>     a YAML or JSON map of facts, such as { account.kind: personal }',
    '--fact <name=value>   one fact (repeatable); overrides the same fact from --scenario',
    '--unsure <fact>       a fact answered "not sure" (repeatable): unknown, but the policy\'s doubt rules',
    '                      may decide for it; a scenario file lists them as unsure: [fact, …]',
    '--trace               with --json, include which rules matched and why',
    '--json                print the Decision as JSON',
  ],
  notes: ['`-` for the policy or the --scenario file reads it from standard input.'],
  examples: [
    'fairpost eval policy.yaml --fact account.kind=personal --fact context.time=own-time',
    'fairpost eval policy.yaml --scenario weekend-post.yaml --json',
    'fairpost eval policy.yaml --fact content.kind=image-of-people --unsure content.hasConsent',
    'echo "{ incident.kind: doxxing, incident.workRelated: true }" | fairpost eval policy.yaml --scenario -',
  ],
  options: {
    ...JSON_OPTION,
    scenario: { type: 'string' },
    fact: { type: 'string', multiple: true },
    unsure: { type: 'string', multiple: true },
    trace: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  inputs: { positionals: true, options: ['scenario'] },
  async run({ positionals, values }, io) {
    const { compiled } = loadCompiledPolicy(positionals[0]!, io, io.stderr, paletteFor(io.stderr, io.env));
    const fromFile =
      typeof values.scenario === 'string' ? loadScenarioFile(values.scenario, io, compiled) : {};
    const facts = parseFactAssignments((values.fact as string[] | undefined) ?? [], compiled);
    const scenario = withUnsure(
      { ...fromFile, ...facts },
      (values.unsure as string[] | undefined) ?? [],
      compiled,
    );
    const decision = evaluate(compiled, scenario, { trace: values.trace === true });
    io.stdout.write(
      values.json
        ? `${JSON.stringify(decision, null, 2)}\n`
        : renderDecision(decision, { vocabulary: compiled }),
    );
    return EXIT.ok;
  },
};
