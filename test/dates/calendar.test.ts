import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addMonthsToDay, daysInMonth, fromDayNumber, isLeapYear, toDayNumber } from "../../src/dates/calendar.js";

describe("calendar day numbers", () => {
  it("counts days from 1970-01-01 like Date.UTC does", () => {
    expect(toDayNumber(1970, 1, 1)).toBe(0);
    expect(toDayNumber(2017, 9, 1)).toBe(Date.UTC(2017, 8, 1) / 86_400_000);
    expect(toDayNumber(1900, 3, 1)).toBe(Date.UTC(1900, 2, 1) / 86_400_000);
  });

  it("knows leap years and month lengths", () => {
    expect([isLeapYear(2020), isLeapYear(2021), isLeapYear(1900), isLeapYear(2000)]).toEqual([true, false, false, true]);
    expect([daysInMonth(2021, 2), daysInMonth(2024, 2), daysInMonth(2021, 4), daysInMonth(2021, 7)]).toEqual([28, 29, 30, 31]);
  });

  it("adds months clamping to the month's end", () => {
    expect(fromDayNumber(addMonthsToDay(toDayNumber(2021, 8, 31), 6))).toEqual({ year: 2022, month: 2, day: 28 });
    expect(fromDayNumber(addMonthsToDay(toDayNumber(2022, 3, 30), -6))).toEqual({ year: 2021, month: 9, day: 30 });
    expect(fromDayNumber(addMonthsToDay(toDayNumber(2017, 9, 15), 60))).toEqual({ year: 2022, month: 9, day: 15 });
  });

  test.prop([fc.integer({ min: -1_000_000, max: 3_000_000 })])("fromDayNumber inverts toDayNumber", (n) => {
    const { year, month, day } = fromDayNumber(n);
    expect(toDayNumber(year, month, day)).toBe(n);
    expect(day).toBeLessThanOrEqual(daysInMonth(year, month));
  });

  test.prop([fc.date({ min: new Date("1600-01-01T00:00:00Z"), max: new Date("2400-12-31T00:00:00Z"), noInvalidDate: true })])(
    "agrees with the UTC calendar of Date",
    (d) => {
      const n = toDayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      expect(n).toBe(Math.floor(d.getTime() / 86_400_000));
    },
  );
});
