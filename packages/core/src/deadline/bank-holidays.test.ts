import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_YEARS } from './bank-holiday-years.js';
import { BANK_HOLIDAYS } from './bank-holidays.js';
import { bankHolidaysOf, easterSunday, type HolidayRegion } from './holiday-rules.js';

const REGIONS = Object.keys(BANK_HOLIDAYS) as HolidayRegion[];
const datesIn = (region: HolidayRegion, year: number) =>
  BANK_HOLIDAYS[region].filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date.slice(5));

describe('the shipped bank holidays', () => {
  it('are exactly what the published rules give for every year covered', () => {
    for (const region of REGIONS) {
      const derived = [];
      for (let y = BANK_HOLIDAY_YEARS.first; y <= BANK_HOLIDAY_YEARS.last; y++)
        derived.push(...bankHolidaysOf(region, y));
      expect(BANK_HOLIDAYS[region]).toEqual(derived);
    }
  });

  it('fall on weekdays, once each, in date order', () => {
    for (const region of REGIONS) {
      const dates = BANK_HOLIDAYS[region].map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      for (const d of dates) expect([0, 6]).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  // Dates as GOV.UK published them (https://www.gov.uk/bank-holidays), to catch a wrong rule.
  it.each([
    ['england-and-wales', 2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [
      'england-and-wales',
      2022,
      ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    ],
    [
      'england-and-wales',
      2023,
      ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    ],
    ['england-and-wales', 2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    ['england-and-wales', 2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    ['england-and-wales', 2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
    ['scotland', 2021, ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28']],
    [
      'scotland',
      2022,
      ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
    ],
    ['scotland', 2024, ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26']],
    [
      'northern-ireland',
      2020,
      ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28'],
    ],
    [
      'northern-ireland',
      2025,
      ['01-01', '03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26'],
    ],
  ] as const)('%s %i matches GOV.UK', (region, year, dates) => {
    expect(datesIn(region, year)).toEqual(dates);
  });

  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});
