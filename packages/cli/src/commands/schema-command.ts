import { jsonSchemas } from '@fairpost/schemas';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';

const DRAFTS = ['2020-12', '07'] as const;
const DOCUMENTS = ['policy', 'scenario', 'decision', 'incident'] as const;

/** `fairpost schema`: prints the published JSON Schema, for editors and other tools. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the published JSON Schema of the policy format (or of scenarios, decisions and incidents).',
  usage: 'fairpost schema [--draft 2020-12|07] [--document policy|scenario|decision|incident]',
  optionHelp: [
    '--draft <draft>       2020-12 (default, the reference) or 07 (for tools that do not read 2020-12)',
    '--document <name>     policy (default), scenario, decision or incident',
    '--json                accepted for symmetry: the output is JSON either way',
  ],
  examples: ['fairpost schema > policy.schema.json', 'fairpost schema --draft 07 --document scenario'],
  options: { ...JSON_OPTION, draft: { type: 'string' }, document: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const draft = oneOf(values.draft, DRAFTS, '--draft', '2020-12');
    const document = oneOf(values.document, DOCUMENTS, '--document', 'policy');
    const edition = jsonSchemas[draft === '07' ? 'draft-07' : '2020-12'];
    io.stdout.write(`${JSON.stringify(edition[document], null, 2)}\n`);
    return EXIT.ok;
  },
};
