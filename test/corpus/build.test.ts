import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { END, END_SOURCES, isHierarchyCode, isLifecycleCode, levelOf, rankOf, REL, REL_NAMES, RELATION_INFO, relationInfo, START, START_SOURCES } from "../../src/corpus/codes.js";
import { dayText } from "../../src/corpus/dayText.js";
import { daySpanOf } from "../../src/dates/daySpan.js";
import { ADMIN_LEVELS, HIERARCHY_RELATIONS, INSTRUMENT_RANKS, LIFECYCLE_RELATIONS, RELATION_TYPES } from "../../src/documents/schema.js";
import { dayBounds, formatDayNumber, type PartialDate } from "../../src/dates/partialDate.js";

// The corpus build reads dates with hand-written scans and a formatting cache (a million documents
// per build); these must agree with the dates module they stand in for.
const day = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10) as PartialDate);
const partial = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, len]) => d.slice(0, len) as PartialDate);

describe("the corpus build's date helpers", () => {
  test.prop([partial], { numRuns: 500 })("daySpanOf gives dayBounds", (date) => {
    expect(daySpanOf(date)).toEqual(dayBounds(date));
  });

  test.prop([partial], { numRuns: 500 })("dayText gives the formatted day, month or year, from the cache or not", (date) => {
    const [first] = dayBounds(date);
    for (let i = 0; i < 2; i++) {
      expect(dayText(first)).toBe(formatDayNumber(first));
      expect(dayText(first, date.length as 4 | 7 | 10)).toBe(date.length === 10 ? date : formatDayNumber(first).slice(0, date.length));
    }
  });

  it("reads the reference case's dates: 2017-09 (清府办〔2017〕59号) is 2017-09-01 … 2017-09-30, 2016 a whole leap year", () => {
    const [september, endOfSeptember] = daySpanOf("2017-09");
    expect(dayText(september)).toBe("2017-09-01");
    expect(dayText(endOfSeptember)).toBe("2017-09-30");
    const [year, endOfYear] = daySpanOf("2016");
    expect(endOfYear - year).toBe(365);
    expect(dayText(year, 4)).toBe("2016");
    expect(dayText(september, 7)).toBe("2017-09");
  });
});

describe("the corpus build's rank and level indexes", () => {
  it("rankOf and levelOf give each value's position in INSTRUMENT_RANKS and ADMIN_LEVELS", () => {
    expect(INSTRUMENT_RANKS.map((rank) => rankOf(rank))).toEqual(INSTRUMENT_RANKS.map((_, i) => i));
    expect(ADMIN_LEVELS.map((level) => levelOf(level))).toEqual(ADMIN_LEVELS.map((_, i) => i));
  });
});

describe("the build's codes (codes.ts)", () => {
  it("codes a relation type by its position in RELATION_TYPES, and decodes it back", () => {
    expect(RELATION_TYPES.map((type) => REL[type])).toEqual(RELATION_TYPES.map((_, i) => i));
    expect(RELATION_TYPES.map((type) => REL_NAMES[REL[type]])).toEqual([...RELATION_TYPES]);
  });

  it("splits the relation codes as HIERARCHY_RELATIONS and LIFECYCLE_RELATIONS do (cites is neither)", () => {
    expect(RELATION_TYPES.filter((type) => isHierarchyCode(REL[type]))).toEqual(HIERARCHY_RELATIONS);
    expect(RELATION_TYPES.filter((type) => isLifecycleCode(REL[type]))).toEqual(LIFECYCLE_RELATIONS);
  });

  it("packs a relation's type and flags in one byte, each readable alone", () => {
    for (const type of RELATION_TYPES) {
      for (const [dated, partial] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const info = relationInfo(type, dated, partial);
        expect(info & RELATION_INFO.codeMask).toBe(REL[type]);
        expect((info & RELATION_INFO.hasOwnDate) !== 0).toBe(dated);
        expect((info & RELATION_INFO.partial) !== 0).toBe(partial);
        expect(info).toBeLessThan(256);
      }
    }
  });

  it("decodes every start and end source code back to its name, 0 to none", () => {
    for (const [name, code] of Object.entries(START)) expect(START_SOURCES[code]).toBe(code === 0 ? undefined : name);
    for (const [name, code] of Object.entries(END)) expect(END_SOURCES[code]).toBe(code === 0 ? undefined : name);
    expect(START_SOURCES).toHaveLength(Object.keys(START).length);
    expect(END_SOURCES).toHaveLength(Object.keys(END).length);
  });
});
