import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '@fairpost/core/incident';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const FLAGSHIP = join(EXAMPLES, '000_staff-union-alternative.yaml');
const OPEN = [
  'incident',
  'open',
  FLAGSHIP,
  '--fact',
  'incident.kind=doxxing',
  '--fact',
  'incident.workRelated=true',
  '--reported-at',
  '2026-03-27T16:00:00Z',
  '--tz',
  'Europe/London',
  '--id',
  'case-1',
  '-o',
  'case.json',
];

function opened(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fairpost-incident-'));
  const run = fairpost(OPEN, { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return dir;
}

describe('fairpost incident', () => {
  it('opens an incident from the flagship policy as a JSON file the API reads back', () => {
    const dir = opened();
    const json = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
    expect(parseIncident(json).ok).toBe(true);
    expect(json).toMatchObject({
      id: 'case-1',
      clock: { timeZone: 'Europe/London' },
      reportedAt: '2026-03-27T16:00:00.000Z',
    });
  });

  it('drives the incident through its events and shows a duty overdue at a later clock', () => {
    const dir = opened();
    const event = (...args: string[]) => fairpost(['incident', 'event', 'case.json', ...args], { cwd: dir });
    expect(
      event('acknowledged', '--duty', 'safety-lead-receives-report', '--at', '2026-03-27T16:30:00Z').code,
    ).toBe(0);
    expect(event('consent-given', '--duty', 'lock-down-accounts', '--at', '2026-03-27T17:00:00Z').code).toBe(
      0,
    );
    expect(
      event(
        'done',
        '--duty',
        'lock-down-accounts',
        '--at',
        '2026-03-27T18:00:00Z',
        '--note',
        'Locked with you.',
      ).code,
    ).toBe(0);
    expect(
      event('fact-learned', '--fact', 'incident.severity=serious', '--at', '2026-03-27T19:00:00Z').code,
    ).toBe(0);
    const status = fairpost(['incident', 'status', 'case.json', '--at', '2026-03-28T12:00:00Z'], {
      cwd: dir,
    });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^ {2}OVERDUE +safety-lead-receives-report/m);
    expect(status.stdout).toMatch(/^ {2}DONE +lock-down-accounts/m);
    const json = fairpost(['incident', 'status', 'case.json', '--at', '2026-03-28T12:00:00Z', '--json'], {
      cwd: dir,
    });
    expect(JSON.parse(json.stdout).escalations).toContainEqual(
      expect.objectContaining({ dutyId: 'safety-lead-receives-report', since: '2026-03-28T00:00:00.000Z' }),
    );
  });

  it('rejects an inconsistent event with one line and exit 1, leaving the file byte for byte as it was', () => {
    const dir = opened();
    const before = readFileSync(join(dir, 'case.json'), 'utf8');
    const run = fairpost(
      [
        'incident',
        'event',
        'case.json',
        'started',
        '--duty',
        'lock-down-accounts',
        '--at',
        '2026-03-27T17:00:00Z',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'fairpost incident: event rejected: type: duty "lock-down-accounts" needs the person\'s consent, and none is on record; record consent-given first [consent-needed]; case.json is unchanged\n',
    );
    expect(readFileSync(join(dir, 'case.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['case.json']);
  });

  it('never replaces a file without --force, and never writes through a symbolic link', () => {
    const dir = opened();
    writeFileSync(join(dir, 'mine.json'), 'my notes\n');
    const again = fairpost([...OPEN.slice(0, -1), 'mine.json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'fairpost incident: mine.json already exists; add --force to replace it, or choose another name\n',
    );
    expect(readFileSync(join(dir, 'mine.json'), 'utf8')).toBe('my notes\n');
    expect(fairpost([...OPEN.slice(0, -1), 'mine.json', '--force'], { cwd: dir }).code).toBe(0);
    symlinkSync(join(dir, 'mine.json'), join(dir, 'link.json'));
    const viaLink = fairpost([...OPEN.slice(0, -1), 'link.json', '--force'], { cwd: dir });
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toBe(
      'fairpost incident: link.json is a symbolic link; refusing to write through it (remove it, or choose another name)\n',
    );
    const event = fairpost(['incident', 'event', 'link.json', 'closed'], { cwd: dir });
    expect(event.code).toBe(1);
    expect(event.stderr).toContain('link.json is a symbolic link');
  });

  it.each([
    [['incident', 'status', 'case.json', '--at', 'tomorrow'], 2, '--at expects a time with its zone'],
    [['incident', 'event', 'case.json', 'finished'], 2, 'unknown event type "finished"'],
    [['incident', 'frobnicate', 'case.json'], 2, 'unknown action "frobnicate"'],
    [['incident', 'event', 'case.json', 'acknowledged', '--duty', 'make-tea'], 1, 'unknown duty "make-tea"'],
    [['incident', 'status', 'missing.json'], 1, 'cannot read missing.json: no such file'],
    [['incident', 'open', FLAGSHIP, '--fact', 'incident.kind=doxxing'], 2, 'incident open needs -o <file>'],
  ])('%j exits %i with one line', (args, code, message) => {
    const dir = opened();
    const run = fairpost(args, { cwd: dir });
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an incident file edited into an inconsistent record', () => {
    const dir = opened();
    const json = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
    json.events.push(
      { type: 'closed', at: '2026-03-28T00:00:00Z' },
      { type: 'acknowledged', at: '2026-03-29T00:00:00Z', dutyId: 'risk-assessment' },
    );
    writeFileSync(join(dir, 'case.json'), JSON.stringify(json));
    const run = fairpost(['incident', 'status', 'case.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fairpost incident: case\.json: events\[1\]\.type: the incident was closed .* \[incident-closed\]\n$/,
    );
  });

  it('exports the deadlines as a calendar and the person’s record as HTML', () => {
    const dir = opened();
    expect(fairpost(['incident', 'calendar', 'case.json', '-o', 'deadlines.ics'], { cwd: dir }).code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(dir, 'deadlines.ics'), 'utf8')));
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThan(5);
    const record = fairpost(
      ['incident', 'record', 'case.json', '--format', 'html', '--at', '2026-03-28T12:00:00Z'],
      { cwd: dir },
    );
    expect(record.code).toBe(0);
    expect(record.stdout).toContain('<h1>Your support record</h1>');
  });
});
