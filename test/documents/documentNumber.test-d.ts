import type * as z from "zod";
import { describe, expectTypeOf, it } from "vitest";
import type { PolicyEvalError } from "../../src/errors.js";
import {
  DocumentNumberSchema,
  DocumentNumberTextSchema,
  documentNumberKey,
  formatDocumentNumber,
  isSameDocumentNumber,
  parseDocumentNumber,
  safeParseDocumentNumber,
  type DocumentNumber,
  type DocumentNumberWarning,
  type DocumentNumberWarningCode,
} from "../../src/documents/documentNumber.js";
import { parseRegistrationNumber, type RegistrationNumber } from "../../src/documents/registrationNumber.js";

describe("document number types", () => {
  it("DocumentNumber['kind'] is the union of the three kinds", () => {
    expectTypeOf<DocumentNumber["kind"]>().toEqualTypeOf<"document" | "order" | "announcement">();
    expectTypeOf<DocumentNumber["year"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DocumentNumber["serial"]>().toEqualTypeOf<number>();
  });

  it("parsed numbers are readonly", () => {
    const n = parseDocumentNumber("国办发〔2016〕13号");
    // @ts-expect-error a parsed number cannot be changed
    n.serial = 14;
  });

  it("safeParse narrows on success", () => {
    const result = safeParseDocumentNumber("国办发〔2016〕13号");
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<DocumentNumber>();
      expectTypeOf(result.warnings).toEqualTypeOf<readonly DocumentNumberWarning[]>();
      expectTypeOf(result.warnings[0]!.code).toEqualTypeOf<DocumentNumberWarningCode>();
      // @ts-expect-error no error on success
      void result.error;
    } else {
      expectTypeOf(result.error).toEqualTypeOf<PolicyEvalError>();
      // @ts-expect-error no data on failure
      void result.data;
    }
  });

  it("warning codes include the documented ones", () => {
    expectTypeOf<
      "nonstandard-bracket" | "ordinal-di" | "zero-padded" | "short-year" | "spacing" | "traditional-hao"
    >().toExtend<DocumentNumberWarningCode>();
  });

  it("schemas agree with the declared types", () => {
    expectTypeOf<z.output<typeof DocumentNumberSchema>>().toExtend<DocumentNumber>();
    expectTypeOf<DocumentNumber>().toExtend<z.input<typeof DocumentNumberSchema>>();
    expectTypeOf<z.output<typeof DocumentNumberTextSchema>>().toEqualTypeOf<DocumentNumber>();
    expectTypeOf<z.input<typeof DocumentNumberTextSchema>>().toEqualTypeOf<string>();
  });

  it("functions take texts or parsed numbers and an options object last", () => {
    expectTypeOf(parseDocumentNumber).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(formatDocumentNumber).parameter(0).toEqualTypeOf<DocumentNumber | string>();
    expectTypeOf(documentNumberKey).returns.toEqualTypeOf<string>();
    expectTypeOf(isSameDocumentNumber).returns.toEqualTypeOf<boolean>();
    expectTypeOf(parseDocumentNumber).toBeCallableWith("国办发〔18〕37号", { referenceYear: 2021 });
    // @ts-expect-error referenceYear is a number
    parseDocumentNumber("国办发〔18〕37号", { referenceYear: "2021" });
    expectTypeOf(parseRegistrationNumber).returns.toEqualTypeOf<RegistrationNumber>();
  });
});
