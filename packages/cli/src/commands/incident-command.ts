import { formatPath } from '@fairpost/core';
import {
  applyEvent,
  type Incident,
  type IncidentIssue,
  incidentCalendar,
  incidentStatus,
  openIncident,
  parseIncident,
} from '@fairpost/core/incident';
import { renderIncidentRecord, renderIncidentStatus } from '@fairpost/render/incident';
import { CliError, EXIT, usageError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { type Command, type CommandArgs, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { loadScenarioFile, parseFactAssignments, parseBoolean } from '../load-scenario.js';
import { readInputFile } from '../read-input-file.js';
import { writeFileAtomically } from '../write-file-atomically.js';

const ACTIONS = ['open', 'status', 'event', 'calendar', 'record'] as const;

const isAction = (word: string | undefined): word is (typeof ACTIONS)[number] =>
  (ACTIONS as readonly (string | undefined)[]).includes(word);
const EVENT_TYPES = [
  'acknowledged',
  'started',
  'done',
  'declined',
  'consent-given',
  'consent-withdrawn',
  'fact-learned',
  'reassigned',
  'escalated',
  'closed',
] as const;

/** `fairpost incident …`: open an incident under a policy, record its events, see where it stands. */
export const incidentCommand: Command = {
  name: 'incident',
  summary:
    'Track support owed to someone targeted: open an incident, record events, see what is due or overdue.',
  usage:
    'fairpost incident open <policy> -o <file> | status <file> | event <file> <type> | calendar <file> | record <file>',
  optionHelp: [
    'open <policy>          --fact name=value … [--scenario file] [--reported-at time] [--tz zone] [--id id] -o file',
    'status <file>          [--at time] [--json]: each duty done, due, due soon, overdue or waiting for consent',
    `event <file> <type>    type: ${EVENT_TYPES.join(', ')}`,
    '                       --duty id, [--at time], --note text (done), --fact name=value (fact-learned),',
    '                       --holder role (reassigned), --to role (escalated); appends to the file atomically',
    'calendar <file>        the deadlines as an iCalendar file (-o file.ics, or stdout)',
    'record <file>          the person’s own record, --format markdown|html (-o file, or stdout)',
    '-o, --output <file>    where to write; never replaced without --force, never through a symbolic link',
    '--force                replace an existing output file',
  ],
  notes: [
    'Times are ISO 8601 with a zone (2026-03-02T09:00:00Z); the default is now.',
    'Exit codes: 0 done, 1 unreadable or invalid input or a rejected event (one line says why), 2 usage error.',
  ],
  examples: [
    'fairpost incident open policy.yaml --fact incident.kind=doxxing --fact incident.workRelated=true --tz Europe/London -o case.json',
    'fairpost incident event case.json acknowledged --duty safety-lead-receives-report',
    'fairpost incident event case.json done --duty risk-assessment --note "Assessed with you by phone"',
    'fairpost incident status case.json --at 2026-03-05T09:00:00Z',
  ],
  options: {
    ...JSON_OPTION,
    scenario: { type: 'string' },
    fact: { type: 'string', multiple: true },
    'reported-at': { type: 'string' },
    tz: { type: 'string' },
    id: { type: 'string' },
    at: { type: 'string' },
    duty: { type: 'string' },
    note: { type: 'string' },
    holder: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  positionals: { min: 2, max: 3 },
  async run(args, io) {
    const action = args.positionals[0];
    // Checked before the switch, so the switch covers exactly the actions and a new one fails to compile until handled.
    if (!isAction(action))
      throw usageError(`unknown action "${action}"; the actions are ${ACTIONS.join(', ')}`);
    switch (action) {
      case 'open':
        return openAction(args, io);
      case 'status':
        return statusAction(args, io);
      case 'event':
        return eventAction(args, io);
      case 'calendar':
        return calendarAction(args, io);
      case 'record':
        return recordAction(args, io);
      default:
        return action satisfies never;
    }
  },
};

const string = (args: CommandArgs, name: string) => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};

function issueLine(issue: IncidentIssue): string {
  const at = formatPath(issue.path);
  return `${at ? `${at}: ` : ''}${issue.message} [${issue.code}]`;
}

/** A time the user gave, as an ISO instant; a time without a zone is refused, since it would be ambiguous. */
function readTime(text: string | undefined, flag: string): string {
  if (text === undefined) return new Date().toISOString();
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    Number.isNaN(Date.parse(text))
  )
    throw usageError(
      `${flag} expects a time with its zone, such as 2026-03-02T09:00:00Z; found ${JSON.stringify(text)}`,
    );
  return new Date(Date.parse(text)).toISOString();
}

function readIncident(file: string, io: CliIo): { incident: Incident; text: string } {
  const text = readInputFile(file, io);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseIncident(json);
  if (!parsed.ok) throw new CliError(`${file}: ${issueLine(parsed.issues[0]!)}`);
  return { incident: parsed.incident, text };
}

/** An incident holds personal data: a file the CLI creates for one is readable by its owner only. */
const PRIVATE = 0o600;

const serialise = (incident: Incident) => `${JSON.stringify(incident, null, 2)}\n`;

function writeOutput(args: CommandArgs, io: CliIo, text: string): void {
  const output = string(args, 'output');
  if (output === undefined) io.stdout.write(text);
  else
    writeFileAtomically(output, text, {
      cwd: io.cwd,
      overwrite: { kind: args.values.force === true ? 'force' : 'never' },
      inputs: args.positionals.slice(1),
      mode: PRIVATE,
    });
}

async function openAction(args: CommandArgs, io: CliIo) {
  if (args.positionals.length !== 2)
    throw usageError('usage: fairpost incident open <policy> --fact name=value … -o <file>');
  const output = string(args, 'output');
  if (output === undefined) throw usageError('incident open needs -o <file>: the incident is kept in a file');
  const { compiled } = loadCompiledPolicy(args.positionals[1]!, io, io.stderr, paletteFor(io.stderr, io.env));
  const scenarioFile = string(args, 'scenario');
  const fromFile = scenarioFile ? loadScenarioFile(scenarioFile, io, compiled) : {};
  const facts = parseFactAssignments((args.values.fact as string[] | undefined) ?? [], compiled);
  const timeZone = string(args, 'tz');
  const id = string(args, 'id');
  const opened = openIncident(
    compiled,
    { ...fromFile, ...facts },
    {
      reportedAt: readTime(string(args, 'reported-at'), '--reported-at'),
      ...(timeZone && { timeZone }),
      ...(id && { id }),
    },
  );
  if (!opened.ok) throw new CliError(issueLine(opened.issues[0]!));
  writeFileAtomically(output, serialise(opened.incident), {
    cwd: io.cwd,
    overwrite: { kind: args.values.force === true ? 'force' : 'never' },
    inputs: [args.positionals[1]!, ...(scenarioFile && scenarioFile !== '-' ? [scenarioFile] : [])],
    mode: PRIVATE,
  });
  io.stdout.write(renderIncidentStatus(opened.incident, opened.incident.reportedAt));
  return EXIT.ok;
}

async function statusAction(args: CommandArgs, io: CliIo) {
  if (args.positionals.length !== 2) throw usageError('usage: fairpost incident status <file> [--at time]');
  const { incident } = readIncident(args.positionals[1]!, io);
  const at = readTime(string(args, 'at'), '--at');
  io.stdout.write(
    args.values.json === true
      ? `${JSON.stringify(incidentStatus(incident, at), null, 2)}\n`
      : renderIncidentStatus(incident, at),
  );
  return EXIT.ok;
}

async function eventAction(args: CommandArgs, io: CliIo) {
  const [, file, type] = args.positionals;
  if (file === undefined || type === undefined)
    throw usageError(`usage: fairpost incident event <file> <type>; the types are ${EVENT_TYPES.join(', ')}`);
  if (!(EVENT_TYPES as readonly string[]).includes(type))
    throw usageError(`unknown event type "${type}"; the types are ${EVENT_TYPES.join(', ')}`);
  const { incident, text } = readIncident(file, io);
  const event: Record<string, unknown> = { type, at: readTime(string(args, 'at'), '--at') };
  for (const key of ['duty', 'note', 'holder', 'to'] as const) {
    const value = string(args, key);
    if (value !== undefined) event[key === 'duty' ? 'dutyId' : key] = value;
  }
  if (type === 'fact-learned') {
    const [assignment, ...more] = (args.values.fact as string[] | undefined) ?? [];
    if (assignment === undefined || more.length > 0)
      throw usageError('fact-learned takes one --fact name=value');
    const eq = assignment.indexOf('=');
    if (eq < 1) throw usageError(`--fact expects name=value; found ${JSON.stringify(assignment)}`);
    const raw = assignment.slice(eq + 1);
    event.fact = assignment.slice(0, eq);
    event.value = parseBoolean(raw) ?? raw;
  }
  const next = applyEvent(incident, event);
  if (!next.ok) throw new CliError(`event rejected: ${issueLine(next.issue)}; ${file} is unchanged`);
  writeFileAtomically(file, serialise(next.incident), {
    cwd: io.cwd,
    overwrite: { kind: 'unchanged-since', text },
  });
  io.stdout.write(`recorded ${type}${event.dutyId ? ` on ${event.dutyId}` : ''} at ${event.at} in ${file}\n`);
  return EXIT.ok;
}

async function calendarAction(args: CommandArgs, io: CliIo) {
  if (args.positionals.length !== 2)
    throw usageError('usage: fairpost incident calendar <file> [-o file.ics]');
  writeOutput(args, io, incidentCalendar(readIncident(args.positionals[1]!, io).incident));
  return EXIT.ok;
}

async function recordAction(args: CommandArgs, io: CliIo) {
  if (args.positionals.length !== 2)
    throw usageError('usage: fairpost incident record <file> [--format markdown|html]');
  const format = string(args, 'format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'html')
    throw usageError(`--format expects markdown or html; found ${JSON.stringify(format)}`);
  const { incident } = readIncident(args.positionals[1]!, io);
  writeOutput(args, io, renderIncidentRecord(incident, { format, at: readTime(string(args, 'at'), '--at') }));
  return EXIT.ok;
}
