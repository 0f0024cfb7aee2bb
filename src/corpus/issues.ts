/**
 * The problems a catalogue build reports, one builder per issue code, and
 * the order they are reported in. Paths start with the document's position
 * in the input.
 *
 * @module
 * @internal
 */
import type { DocumentNumberWarning } from "../documents/documentNumber.js";
import type { PolicyDocument, RelationType } from "../documents/schema.js";
import type { ValidityPolicy } from "../documents/validityPolicy.js";
import { createIssue, type IssuePath, type PolicyEvalIssue } from "../errors.js";
import { formatDaySpan } from "./dayText.js";

/** The issue of a catalogue that is neither an array nor a serialised corpus. @internal */
export function notACatalogueIssue(format: string): PolicyEvalIssue {
  return createIssue("invalid-type", [], {
    "zh-CN": `文件目录应为文件数组或 ${format} 格式的对象`,
    en: `A catalogue must be an array of documents or a ${format} object`,
  });
}

/** The issue of an id that is not in the catalogue. @internal */
export function unknownDocumentIssue(id: string, path: IssuePath): PolicyEvalIssue {
  return createIssue("unknown-document", path, { "zh-CN": `目录中没有文件 ${id}`, en: `No document ${id} in the catalogue` }, { params: { id } });
}

/** @internal */
export function duplicateIdIssue(at: number, id: string, first: number): PolicyEvalIssue {
  return createIssue(
    "duplicate-id",
    [at, "id"],
    { "zh-CN": `文件标识重复：${id}（与第 ${first} 项相同）`, en: `Duplicate id ${id} (same as item ${first})` },
    { params: { id, firstIndex: first } },
  );
}

/** @internal */
export function duplicateNumberIssue(at: number, canonical: string, otherId: string): PolicyEvalIssue {
  return createIssue(
    "duplicate-number",
    [at, "number"],
    { "zh-CN": `发文字号重复：${canonical}（与文件 ${otherId} 相同）`, en: `Duplicate document number ${canonical} (same as document ${otherId})` },
    { params: { number: canonical, otherId } },
  );
}

/** A number read leniently, with the deviation from the standard form it showed. @internal */
export function nonstandardNumberWarning(at: number, warning: DocumentNumberWarning, text: string, canonical: string): PolicyEvalIssue {
  return createIssue("nonstandard-document-number", [at, "number"], warning.messages, {
    severity: "warning",
    params: { warning: warning.code, text, canonical },
  });
}

/** @internal */
export function unknownReferenceIssue(at: number, j: number, target: string): PolicyEvalIssue {
  return createIssue(
    "unknown-reference",
    [at, "relations", j, "target"],
    { "zh-CN": `引用了目录中不存在的文件：${target}`, en: `Unknown document referenced: ${target}` },
    { params: { target } },
  );
}

/** @internal */
export function selfRelationIssue(at: number, j: number, type: RelationType): PolicyEvalIssue {
  return createIssue("self-relation", [at, "relations", j, "target"], {
    "zh-CN": `文件不能与自身建立关系（${type}）`,
    en: `A document cannot relate to itself (${type})`,
  });
}

/** A relation dated before its own document existed (adopted on [bornLo, bornHi]). @internal */
export function relationBeforeDocumentIssue(at: number, j: number, doc: PolicyDocument, bornLo: number, bornHi: number): PolicyEvalIssue {
  const on = doc.relations![j]!.on;
  const born = formatDaySpan(bornLo, bornHi);
  return createIssue(
    "relation-before-document",
    [at, "relations", j, "on"],
    {
      "zh-CN": `关系日期 ${on} 早于文件 ${doc.id} 的成文日期（${born}）`,
      en: `Relation dated ${on}, before document ${doc.id} existed (${born})`,
    },
    { params: { on } },
  );
}

/** An amendment or repeal dated [lo, hi], before its target existed ([targetLo, targetHi]). @internal */
export function relationBeforeTargetIssue(
  path: IssuePath,
  type: RelationType,
  target: string,
  lo: number,
  hi: number,
  targetLo: number,
  targetHi: number,
): PolicyEvalIssue {
  const when = formatDaySpan(lo, hi);
  const born = formatDaySpan(targetLo, targetHi);
  return createIssue(
    "relation-before-target",
    path,
    {
      "zh-CN": `${type} 关系的日期（${when}）早于目标文件 ${target} 的成文日期（${born}）`,
      en: `The ${type} relation is dated ${when}, before its target ${target} existed (${born})`,
    },
    { params: { target } },
  );
}

/** @internal */
export function parentLowerRankWarning(at: number, j: number, doc: PolicyDocument, parent: PolicyDocument): PolicyEvalIssue {
  return createIssue(
    "parent-lower-rank",
    [at, "relations", j, "target"],
    {
      "zh-CN": `上位文件 ${parent.id} 的效力位阶（${parent.instrumentRank}）低于本文件（${doc.instrumentRank}）`,
      en: `Parent ${parent.id} ranks lower (${parent.instrumentRank}) than this document (${doc.instrumentRank})`,
    },
    { severity: "warning", params: { parent: parent.id } },
  );
}

/** @internal */
export function parentLowerLevelWarning(at: number, j: number, doc: PolicyDocument, parent: PolicyDocument): PolicyEvalIssue {
  return createIssue(
    "parent-lower-level",
    [at, "relations", j, "target"],
    {
      "zh-CN": `上位文件 ${parent.id} 的行政层级（${parent.adminLevel}）低于本文件（${doc.adminLevel}）`,
      en: `Parent ${parent.id} is at a lower administrative level (${parent.adminLevel}) than this document (${doc.adminLevel})`,
    },
    { severity: "warning", params: { parent: parent.id } },
  );
}

/** A validity end ([endLo, endHi]) before the start ([startLo, startHi]). @internal */
export function validityBeforeStartIssue(path: IssuePath, endLo: number, endHi: number, startLo: number, startHi: number): PolicyEvalIssue {
  const end = formatDaySpan(endLo, endHi);
  const start = formatDaySpan(startLo, startHi);
  return createIssue("validity-before-start", path, {
    "zh-CN": `有效期截止（${end}）早于施行日期（${start}）`,
    en: `Validity ends (${end}) before the document takes effect (${start})`,
  });
}

/** @internal */
export function validityExceedsMaximumWarning(path: IssuePath, maxMonths: number, policy: ValidityPolicy): PolicyEvalIssue {
  return createIssue(
    "validity-exceeds-maximum",
    path,
    {
      "zh-CN": `有效期超过${policy.name["zh-CN"]}规定的上限（${maxMonths / 12} 年）`,
      en: `The validity period exceeds the ${maxMonths / 12}-year maximum of ${policy.name.en}`,
    },
    { severity: "warning", params: { maxMonths, basis: policy.validity?.basis } },
  );
}

/** Which relations a cycle runs through. @internal */
export type CycleKind = "hierarchy" | "lifecycle";

const CYCLE_LABELS: Readonly<Record<CycleKind, { readonly zh: string; readonly en: string }>> = {
  hierarchy: { zh: "上下位关系", en: "hierarchy (implements/basedOn)" },
  lifecycle: { zh: "修改/废止关系", en: "amend/repeal" },
};

/** A cycle through the documents `ids` (the first repeated at the end), found at relation j of document `at`. @internal */
export function relationCycleIssue(at: number, j: number, ids: readonly string[], kind: CycleKind): PolicyEvalIssue {
  const label = CYCLE_LABELS[kind];
  return createIssue(
    "relation-cycle",
    [at, "relations", j],
    {
      "zh-CN": `${label.zh}形成循环：${ids.join(" → ")}`,
      en: `Cycle in the ${label.en} relations: ${ids.join(" → ")}`,
    },
    { params: { cycle: ids, kind } },
  );
}

function firstIndex(issue: PolicyEvalIssue): number {
  const head = issue.path[0];
  return typeof head === "number" ? head : -1;
}

/**
 * Errors and warnings together, in input order (by the document each
 * concerns), and in the order they were found for one document.
 * @internal
 */
export function inInputOrder(errors: readonly PolicyEvalIssue[], warnings: readonly PolicyEvalIssue[]): PolicyEvalIssue[] {
  const all = [...errors, ...warnings].map((issue, order) => ({ issue, order }));
  all.sort((a, b) => firstIndex(a.issue) - firstIndex(b.issue) || a.order - b.order);
  return all.map((x) => x.issue);
}

/**
 * The checks the read pass runs on each document, in order: a document's
 * errors are reported in this order, whatever order they were found in.
 * @internal
 */
export const STEP = { structure: 0, number: 1, validity: 2 } as const;

/** A read-pass error, with the input position of its document and the step that found it. */
interface EarlyIssue {
  readonly at: number;
  readonly step: number;
  readonly issue: PolicyEvalIssue;
}

/** What the read pass finds: errors (reported in input order later) and warnings (kept in the order found). @internal */
export class Findings {
  readonly #errors: EarlyIssue[] = [];
  readonly warnings: PolicyEvalIssue[] = [];

  /** An error of the document at input position `at`, found by `step` (a value of {@link STEP}). */
  error(at: number, step: number, issue: PolicyEvalIssue): void {
    this.#errors.push({ at, step, issue });
  }

  /** A warning. */
  warn(issue: PolicyEvalIssue): void {
    this.warnings.push(issue);
  }

  /** The errors in input order and, for one document, in the order of its checks. */
  errors(): PolicyEvalIssue[] {
    const errors = this.#errors;
    if (errors.length > 0) errors.sort((a, b) => a.at - b.at || a.step - b.step);
    return errors.map((e) => e.issue);
  }
}
