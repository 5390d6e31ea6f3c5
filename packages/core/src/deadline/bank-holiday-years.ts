/**
 * The years the shipped bank-holiday data covers. A working-day deadline that reaches outside them is counted
 * without bank holidays: the data is regenerated to extend it.
 */
export const BANK_HOLIDAY_YEARS = { first: 2018, last: 2030 } as const;
