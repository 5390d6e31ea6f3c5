import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_YEARS } from './bank-holiday-years.js';
import { BANK_HOLIDAYS } from './bank-holidays.js';
import { bankHolidaysOf, type HolidayRegion } from './holiday-rules.js';

const REGIONS = Object.keys(BANK_HOLIDAYS) as HolidayRegion[];
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
});
