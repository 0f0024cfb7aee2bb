import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { toDayNumber } from "../../src/dates/calendar.js";
import {
  compareSpans,
  daySpanOf,
  firstDayOf,
  isPartialDateText,
  lastDayOf,
  parseDaySpan,
  spanBefore,
  spanOnOrBefore,
  spanSameDay,
} from "../../src/dates/daySpan.js";
import { dayBounds } from "../../src/dates/partialDate.js";
import { fromTriCode, notTriCode, toTriCode, TRI_FALSE, TRI_TRUE, TRI_UNCERTAIN, triAll, triAny, triCodeOf, triNot } from "../../src/dates/triState.js";

/** Day number of a day, from the JS Date: an oracle independent of calendar.ts (day 0 of a month is the previous month's last day). */
const utcDay = (y: number, m: number, d: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86_400_000);
};

describe("day spans of partial dates", () => {
  it("ends a year on 31 December and a month on its last day — leap years by the Gregorian rule", () => {
    const cases: [string, string, string, number][] = [
      // [date, first day, last day, days in the span]
      ["2021", "2021-01-01", "2021-12-31", 365],
      ["2020", "2020-01-01", "2020-12-31", 366],
      ["2000", "2000-01-01", "2000-12-31", 366], // divisible by 400: leap
      ["1900", "1900-01-01", "1900-12-31", 365], // divisible by 100, not 400: not leap
      ["2021-01", "2021-01-01", "2021-01-31", 31],
      ["2021-02", "2021-02-01", "2021-02-28", 28],
      ["2024-02", "2024-02-01", "2024-02-29", 29],
      ["2000-02", "2000-02-01", "2000-02-29", 29],
      ["1900-02", "1900-02-01", "1900-02-28", 28],
      ["2021-04", "2021-04-01", "2021-04-30", 30],
      ["2021-09", "2021-09-01", "2021-09-30", 30],
      ["2021-12", "2021-12-01", "2021-12-31", 31],
      ["2017-09-15", "2017-09-15", "2017-09-15", 1],
      ["2024-02-29", "2024-02-29", "2024-02-29", 1],
    ];
    for (const [date, first, last, days] of cases) {
      const span = parseDaySpan(date);
      const f = first.split("-").map(Number) as [number, number, number];
      const l = last.split("-").map(Number) as [number, number, number];
      expect(span, date).toEqual([toDayNumber(...f), toDayNumber(...l)]);
      expect((span as readonly number[])[1]! - (span as readonly number[])[0]! + 1, date).toBe(days);
      expect([firstDayOf(date), lastDayOf(date)], date).toEqual(span);
      expect(daySpanOf(date), date).toEqual(span);
      expect(dayBounds(date as never), date).toEqual(span);
    }
  });

  it("leaves no day between a month's or a year's span and the next one", () => {
    expect(lastDayOf("2021-02") + 1).toBe(firstDayOf("2021-03"));
    expect(lastDayOf("2024-02") + 1).toBe(firstDayOf("2024-03"));
    expect(lastDayOf("2021-12") + 1).toBe(firstDayOf("2022-01"));
    expect(lastDayOf("2021") + 1).toBe(firstDayOf("2022"));
    expect(lastDayOf("1999-12") + 1).toBe(firstDayOf("2000"));
  });

  test.prop([fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 })], { numRuns: 500 })("agrees with the JS Date on every month and year", (year, month) => {
    const ym = `${year}-${String(month).padStart(2, "0")}`;
    expect(parseDaySpan(ym)).toEqual([utcDay(year, month, 1), utcDay(year, month + 1, 0)]);
    expect(parseDaySpan(String(year))).toEqual([utcDay(year, 1, 1), utcDay(year, 12, 31)]);
    const last = utcDay(year, month + 1, 0) - utcDay(year, month, 1) + 1;
    expect(parseDaySpan(`${ym}-${String(last).padStart(2, "0")}`)).toEqual([utcDay(year, month, last), utcDay(year, month, last)]);
    expect(parseDaySpan(`${ym}-${String(last + 1).padStart(2, "0")}`)).toBeUndefined();
  });

  it("refuses what is not a real partial date", () => {
    for (const bad of ["2021-02-29", "1900-02-29", "2021-13", "2021-00", "2021-04-31", "2021-01-00", "21", "2021-1", "2021/01", "202a", "2021-01-1x", ""]) {
      expect(parseDaySpan(bad), bad).toBeUndefined();
      expect(isPartialDateText(bad), bad).toBe(false);
    }
    for (const bad of [2021, null, undefined, ["2021"], { year: 2021 }]) expect(parseDaySpan(bad)).toBeUndefined();
    expect(isPartialDateText("2000-02-29")).toBe(true);
  });
});

describe("three-valued comparisons of spans", () => {
  const [feb0, feb1] = daySpanOf("2021-02");
  const [d28] = daySpanOf("2021-02-28");
  const [mar1] = daySpanOf("2021-03-01");
  it("answer true only when every day settles it, uncertain when the spans overlap", () => {
    expect(spanBefore(feb0, feb1, mar1, mar1)).toBe(TRI_TRUE);
    expect(spanBefore(feb0, feb1, d28, d28)).toBe(TRI_UNCERTAIN); // the 28th is in February
    expect(spanBefore(mar1, mar1, feb0, feb1)).toBe(TRI_FALSE);
    expect(spanOnOrBefore(feb0, feb1, d28, d28)).toBe(TRI_TRUE); // every day of February is on or before the 28th
    expect(spanOnOrBefore(feb0, feb1, d28 - 1, d28 - 1)).toBe(TRI_UNCERTAIN);
    expect(spanOnOrBefore(d28, d28, feb0, feb1)).toBe(TRI_UNCERTAIN);
    expect(spanOnOrBefore(d28, d28, mar1, mar1)).toBe(TRI_TRUE);
    expect(spanOnOrBefore(d28, d28, d28, d28)).toBe(TRI_TRUE);
    expect(spanOnOrBefore(mar1, mar1, feb0, feb1)).toBe(TRI_FALSE);
    expect(spanSameDay(d28, d28, d28, d28)).toBe(TRI_TRUE);
    expect(spanSameDay(d28, d28, feb0, feb1)).toBe(TRI_UNCERTAIN);
    expect(spanSameDay(mar1, mar1, feb0, feb1)).toBe(TRI_FALSE);
    expect(compareSpans(feb0, feb1, mar1, mar1)).toBe(-1);
    expect(compareSpans(mar1, mar1, feb0, feb1)).toBe(1);
    expect(compareSpans(d28, d28, d28, d28)).toBe(0);
    expect(compareSpans(d28, d28, feb0, feb1)).toBe("uncertain");
  });

  it("answer uncertain for a date not known at all (NaN ends)", () => {
    const nan = Number.NaN;
    expect(spanBefore(nan, nan, mar1, mar1)).toBe(TRI_UNCERTAIN);
    expect(spanOnOrBefore(mar1, mar1, nan, nan)).toBe(TRI_UNCERTAIN);
    expect(spanSameDay(nan, nan, nan, nan)).toBe(TRI_UNCERTAIN);
    expect(compareSpans(nan, nan, mar1, mar1)).toBe("uncertain");
  });
});

describe("the three-valued type", () => {
  const ALL = [true, false, "uncertain"] as const;
  it("encodes to and from its codes, and negates either way alike", () => {
    expect(ALL.map(toTriCode)).toEqual([TRI_TRUE, TRI_FALSE, TRI_UNCERTAIN]);
    for (const t of ALL) {
      expect(fromTriCode(toTriCode(t))).toBe(t);
      expect(fromTriCode(notTriCode(toTriCode(t)))).toBe(triNot(t));
    }
    expect([triCodeOf(true), triCodeOf(false)]).toEqual([TRI_TRUE, TRI_FALSE]);
    expect(triNot("uncertain")).toBe("uncertain");
  });

  it("combines by Kleene's tables: a false part decides all, a true part decides any, else uncertain wins", () => {
    expect(triAll([])).toBe(true);
    expect(triAny([])).toBe(false);
    expect(triAll([true, "uncertain"])).toBe("uncertain");
    expect(triAll(["uncertain", false])).toBe(false);
    expect(triAll([true, true])).toBe(true);
    expect(triAny([false, "uncertain"])).toBe("uncertain");
    expect(triAny(["uncertain", true])).toBe(true);
    expect(triAny([false, false])).toBe(false);
  });
});
