import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  compareDates,
  datePrecision,
  earliestDay,
  isDateAfter,
  isDateBefore,
  isDateOnOrAfter,
  isDateOnOrBefore,
  isPartialDate,
  isSameDate,
  latestDay,
  parsePartialDate,
  safeParsePartialDate,
  shiftDate,
  shiftDateRange,
  toDateRange,
  type PartialDate,
} from "../../src/dates/index.js";
import { PolicyEvalError } from "../../src/errors.js";

describe("partial dates", () => {
  it("accepts year, month and day precision and rejects dates that do not exist", () => {
    expect(parsePartialDate("2017")).toBe("2017");
    expect(parsePartialDate("2017-09")).toBe("2017-09");
    expect(parsePartialDate("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2021-02-29", "2021-13", "2021-00", "17-09", "2017-9", "2017/09", "", "2017-09-31"]) {
      expect(isPartialDate(bad), bad).toBe(false);
    }
    expect(isPartialDate(2017)).toBe(false);
  });

  // An independent oracle for the hand-written check: a regular expression and the Gregorian leap rule.
  const dateText = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom(4, 7, 10)).map(
      ([y, m, d, len]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`.slice(0, len),
    ),
    fc.string({ maxLength: 11 }),
  );
  test.prop([dateText], { numRuns: 1000 })("isPartialDate agrees with a regular expression and the leap-year rule", (text) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    let expected = false;
    if (m !== null) {
      const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      expected = days !== undefined && day >= 1 && day <= days;
    }
    expect(isPartialDate(text)).toBe(expected);
  });

  it("reports an invalid date as a PolicyEvalError with both languages", () => {
    const result = safeParsePartialDate("2021-02-29");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(PolicyEvalError);
    expect(result.error.issues).toHaveLength(1);
    const issue = result.error.issues[0]!;
    expect(issue.code).toBe("invalid-date");
    expect(issue.messages["zh-CN"]).toContain("日期无效");
    expect(issue.messages.en).toContain("Invalid date");
    expect(() => parsePartialDate("2021-02-29")).toThrow(PolicyEvalError);
  });

  it("gives precision and the span of days (清府办〔2017〕59号 was issued in 2017-09)", () => {
    expect(datePrecision("2017")).toBe("year");
    expect(datePrecision("2017-09")).toBe("month");
    expect(datePrecision("2017-09-15")).toBe("day");
    expect(earliestDay("2017-09")).toBe("2017-09-01");
    expect(latestDay("2017-09")).toBe("2017-09-30");
    expect(latestDay("2024-02")).toBe("2024-02-29");
    expect(toDateRange("2016")).toEqual({ earliest: "2016-01-01", latest: "2016-12-31" });
  });

  it("answers uncertain where the precision cannot settle the question", () => {
    expect(isDateBefore("2017-09", "2017-09-15")).toBe("uncertain");
    expect(isDateBefore("2017-09", "2017-10-01")).toBe(true);
    expect(isDateBefore("2017-10-01", "2017-09")).toBe(false);
    expect(isDateAfter("2021", "2017-09")).toBe(true);
    expect(isDateOnOrBefore("2017-09-01", "2017-09")).toBe(true);
    expect(isDateOnOrBefore("2017-09-02", "2017-09")).toBe("uncertain");
    expect(isDateOnOrAfter("2017-09-30", "2017-09")).toBe(true);
    expect(isSameDate("2017-09", "2017-09-15")).toBe("uncertain");
    expect(isSameDate("2017-09-15", "2017-09-15")).toBe(true);
    expect(isSameDate("2017-09", "2017-10")).toBe(false);
    expect(compareDates("2017", "2017-09")).toBe("uncertain");
    expect(compareDates("2016", "2017-09")).toBe(-1);
    expect(compareDates("2018", "2017-09")).toBe(1);
  });

  it("shifts keeping the precision where the result is one partial date", () => {
    expect(shiftDate("2017-09", { years: 5 })).toBe("2022-09");
    expect(shiftDate("2022-08-31", { months: -6 })).toBe("2022-02-28");
    expect(shiftDate("2016", { years: 5 })).toBe("2021");
    expect(shiftDate("2022", { months: -6 })).toBeUndefined();
    expect(shiftDateRange("2022", -6)).toEqual({ earliest: "2021-07-01", latest: "2022-06-30" });
    expect(shiftDateRange("2022-12", -6)).toEqual({ earliest: "2022-06-01", latest: "2022-06-30" });
  });

  const day = fc
    .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10) as PartialDate);
  const partial = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, len]) => d.slice(0, len) as PartialDate);

  test.prop([partial, partial])("isDateBefore is never true both ways, and is consistent with its converse", (a, b) => {
    const ab = isDateBefore(a, b);
    const ba = isDateBefore(b, a);
    expect(ab === true && ba === true).toBe(false);
    expect(isDateAfter(b, a)).toBe(ab);
    if (ab !== "uncertain") expect(isDateOnOrAfter(a, b)).toBe(!ab);
  });

  test.prop([partial, day])("a certain answer holds for every day the partial date may be", (a, d) => {
    const answer = isDateBefore(a, d);
    if (answer === "uncertain") return;
    if (answer) expect(latestDay(a) < d).toBe(true);
    else expect(earliestDay(a) >= d).toBe(true);
    expect(isDateBefore(earliestDay(a), d)).toBe(answer);
    expect(isDateBefore(latestDay(a), d)).toBe(answer);
  });

  test.prop([day])("a full date is certain against itself and its neighbours", (d) => {
    expect(isSameDate(d, d)).toBe(true);
    expect(isDateBefore(d, d)).toBe(false);
    expect(toDateRange(d)).toEqual({ earliest: d, latest: d });
  });
});
