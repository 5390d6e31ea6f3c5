// The published rules for UK bank holidays, from which `bank-holidays.ts` is generated (scripts/generate-bank-
// holidays.ts) and against which a test checks it. Dates are ISO `YYYY-MM-DD` strings; weekdays come from UTC so
// that no time zone can shift a date.

/** One bank holiday: its date and its name as GOV.UK gives it. */
export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

/** The UK's three bank-holiday calendars. */
export type HolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
const plusDays = (date: string, n: number) => {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const isWeekend = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, valid for every Gregorian year). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first Monday of a month. */
function firstMonday(year: number, month: number): string {
  const day = 1 + ((8 - weekday(year, month, 1)) % 7);
  return iso(year, month, day);
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, last - ((weekday(year, month, last) + 6) % 7));
}

/**
 * Royal proclamations that moved or added a bank holiday in the years covered: the early May holiday moved to
 * Friday 8 May 2020 (75th anniversary of VE Day); the spring holiday moved to Thursday 2 June 2022 and Friday 3
 * June 2022 added (Platinum Jubilee); Monday 19 September 2022 (the State Funeral of Queen Elizabeth II); Monday 8
 * May 2023 (the Coronation of King Charles III). They applied in all three calendars.
 */
const MOVED: Readonly<Record<string, { readonly date: string; readonly name: string }>> = {
  '2020-05-04': { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  '2022-05-30': { date: '2022-06-02', name: 'Spring bank holiday' },
};
const ADDED: readonly BankHoliday[] = [
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
];

/** A holiday fixed to a date: it is kept on a weekday, and moves to a substitute day when it falls at a weekend. */
interface FixedHoliday {
  readonly date: string;
  readonly name: string;
}

/**
 * Places fixed-date holidays: those on a weekday keep their date; those at a weekend take, in order, the next
 * weekday that is not already a holiday ("substitute day"). This gives GOV.UK's dates: Christmas on a Saturday is
 * kept on Monday 27 and Boxing Day on Tuesday 28; Christmas on a Sunday gives Monday 26 and Tuesday 27; 1 January on
 * a Saturday in Scotland gives Monday 3 and Tuesday 4 January.
 */
function placeFixed(fixed: readonly FixedHoliday[], taken: Set<string>): BankHoliday[] {
  const placed: BankHoliday[] = [];
  for (const h of fixed) {
    if (!isWeekend(h.date)) {
      placed.push(h);
      taken.add(h.date);
    }
  }
  for (const h of fixed) {
    if (!isWeekend(h.date)) continue;
    let date = plusDays(h.date, 1);
    while (isWeekend(date) || taken.has(date)) date = plusDays(date, 1);
    taken.add(date);
    placed.push({ date, name: `${h.name} (substitute day)` });
  }
  return placed;
}

/**
 * The bank holidays of one calendar in one year, by the rules of the Banking and Financial Dealings Act 1971 and
 * the annual proclamations: England and Wales — New Year's Day, Good Friday, Easter Monday, early May (first Monday),
 * spring (last Monday of May), summer (last Monday of August), Christmas Day, Boxing Day; Scotland — 1 and 2
 * January, Good Friday, early May, spring, summer (first Monday of August), St Andrew's Day (30 November),
 * Christmas Day, Boxing Day; Northern Ireland — England and Wales's, plus St Patrick's Day (17 March) and the
 * Battle of the Boyne (12 July). Fixed dates at a weekend move to substitute weekdays.
 */
export function bankHolidaysOf(region: HolidayRegion, year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const movable: BankHoliday[] = [
    { date: plusDays(easter, -2), name: 'Good Friday' },
    ...(region === 'scotland' ? [] : [{ date: plusDays(easter, 1), name: 'Easter Monday' }]),
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    region === 'scotland'
      ? { date: firstMonday(year, 8), name: 'Summer bank holiday' }
      : { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ].map((h) => MOVED[h.date] ?? h);
  const fixed: FixedHoliday[] = [
    { date: iso(year, 1, 1), name: 'New Year’s Day' },
    ...(region === 'scotland' ? [{ date: iso(year, 1, 2), name: '2nd January' }] : []),
    ...(region === 'northern-ireland' ? [{ date: iso(year, 3, 17), name: 'St Patrick’s Day' }] : []),
    ...(region === 'northern-ireland'
      ? [{ date: iso(year, 7, 12), name: 'Battle of the Boyne (Orangemen’s Day)' }]
      : []),
    ...(region === 'scotland' ? [{ date: iso(year, 11, 30), name: 'St Andrew’s Day' }] : []),
    { date: iso(year, 12, 25), name: 'Christmas Day' },
    { date: iso(year, 12, 26), name: 'Boxing Day' },
  ];
  const added = ADDED.filter((h) => h.date.startsWith(`${year}-`));
  const taken = new Set([...movable, ...added].map((h) => h.date));
  return [...movable, ...added, ...placeFixed(fixed, taken)].sort((a, b) => a.date.localeCompare(b.date));
}
