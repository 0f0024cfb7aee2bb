/**
 * 评估 — measures (措施) and evaluation records: who evaluated what, when, how
 * (working group, process steps, consulted units), and what they found per
 * criterion (合法性, 合理性, 协调性, 可操作性, 实效性, 规范性), conflicts with
 * superior provisions, grounds for ending the document, and their
 * recommendation.
 *
 * @module
 */
import * as z from "zod";
import { PartialDateSchema } from "../documents/schema.js";
import { RULE_CONCLUSIONS } from "../rules/index.js";
import { bilingualIssue, NonBlankStringSchema } from "../schema-issues.js";

const text = NonBlankStringSchema;

/**
 * 评估标准 — the criteria of a normative-document evaluation: 合法性 legality,
 * 合理性 reasonableness, 协调性 coherence, 可操作性 operability, 实效性
 * effectiveness, 规范性 drafting quality.
 *
 * @example
 * ```ts
 * import { CRITERIA } from "policy-eval";
 * CRITERIA.length; //=> 6
 * ```
 */
export const CRITERIA = Object.freeze(["legality", "reasonableness", "coherence", "operability", "effectiveness", "draftingQuality"] as const);

/** 评估标准 — one of {@link CRITERIA}. */
export type Criterion = (typeof CRITERIA)[number];

const CRITERION_SET: ReadonlySet<string> = new Set(CRITERIA);

/**
 * Chinese names of the criteria.
 *
 * @example
 * ```ts
 * import { CRITERION_LABELS } from "policy-eval";
 * CRITERION_LABELS.effectiveness; //=> "实效性"
 * ```
 */
export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = Object.freeze({
  legality: "合法性",
  reasonableness: "合理性",
  coherence: "协调性",
  operability: "可操作性",
  effectiveness: "实效性",
  draftingQuality: "规范性",
});

/**
 * Names from other frameworks, mapped to ours: all six OECD DAC criteria
 * (relevance, coherence, effectiveness, efficiency, impact, sustainability)
 * and all five of EU Better Regulation (relevance, coherence, effectiveness,
 * efficiency, EU added value), plus the Chinese names themselves, 必要性 and
 * 可行性 (feasibility). Impact and sustainability are effects (实效性); EU
 * added value asks whether action at that level is needed at all, the
 * question 必要性 asks under 合理性.
 *
 * @example
 * ```ts
 * import { CRITERION_ALIASES } from "policy-eval";
 * CRITERION_ALIASES.impact; //=> "effectiveness"
 * CRITERION_ALIASES.sustainability; //=> "effectiveness"
 * CRITERION_ALIASES.euAddedValue; //=> "reasonableness"
 * CRITERION_ALIASES["合法性"]; //=> "legality"
 * ```
 */
export const CRITERION_ALIASES: Readonly<Record<string, Criterion>> = Object.freeze({
  relevance: "reasonableness",
  efficiency: "reasonableness",
  coherence: "coherence",
  effectiveness: "effectiveness",
  impact: "effectiveness",
  sustainability: "effectiveness",
  addedValue: "reasonableness",
  euAddedValue: "reasonableness",
  feasibility: "operability",
  合法性: "legality",
  合理性: "reasonableness",
  必要性: "reasonableness",
  协调性: "coherence",
  可操作性: "operability",
  可行性: "operability",
  实效性: "effectiveness",
  规范性: "draftingQuality",
});

/**
 * Reads a criterion name, ours or an alias.
 *
 * @param name - `effectiveness`, `impact`, `实效性` …
 * @returns the criterion, or undefined for an unknown name
 *
 * @example
 * ```ts
 * import { toCriterion } from "policy-eval";
 * toCriterion("relevance"); //=> "reasonableness"
 * toCriterion("规范性"); //=> "draftingQuality"
 * toCriterion("beauty"); //=> undefined
 * toCriterion("toString"); //=> undefined
 * ```
 */
export function toCriterion(name: string): Criterion | undefined {
  if (CRITERION_SET.has(name)) return name as Criterion;
  // Own properties only: "toString" is not a criterion.
  return Object.prototype.hasOwnProperty.call(CRITERION_ALIASES, name) ? CRITERION_ALIASES[name] : undefined;
}

/** 评价 — how far a criterion was met. */
export const RATINGS = Object.freeze(["met", "partlyMet", "notMet", "unknown"] as const);

/** 评价 — `met` 符合 / 达到, `partlyMet` 部分符合, `notMet` 不符合, `unknown` 无法判断. */
export type Rating = (typeof RATINGS)[number];

/**
 * Chinese words for the ratings.
 *
 * @example
 * ```ts
 * import { RATING_LABELS } from "policy-eval";
 * RATING_LABELS.partlyMet; //=> "部分达到"
 * ```
 */
export const RATING_LABELS: Readonly<Record<Rating, string>> = Object.freeze({
  met: "达到",
  partlyMet: "部分达到",
  notMet: "未达到",
  unknown: "无法判断",
});

/**
 * 依据 — where a statement comes from: a document and the quoted words.
 *
 * @example
 * ```ts
 * import { EvidenceSchema } from "policy-eval";
 * EvidenceSchema.parse({ document: "评估报告", quote: "实施效果达到预期目的" }).quote; //=> "实施效果达到预期目的"
 * ```
 */
export const EvidenceSchema = z.strictObject({
  /** What it shows. */
  text: text.optional(),
  /** The document it comes from (发文字号, title, or "评估报告"). */
  document: text.optional(),
  /** The exact words quoted. */
  quote: text.optional(),
  /** Observation or indicator ids it rests on. */
  observations: z.array(text).optional(),
});

/** 依据 — see {@link EvidenceSchema}. */
export type Evidence = z.output<typeof EvidenceSchema>;

/**
 * 实施状态 — how far a measure was carried out.
 */
export const IMPLEMENTATION_STATUSES = Object.freeze(["completed", "ongoing", "partial", "notStarted", "stalled", "unknown"] as const);

/** 实施状态 — one of {@link IMPLEMENTATION_STATUSES}. */
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/**
 * 措施 — one measure (task) of the evaluated document: its area, what it
 * does, who leads and who cooperates (or that the report does not say), the
 * indicators that measure it, how far it went, and the evidence.
 *
 * @example
 * ```ts
 * import { MeasureSchema } from "policy-eval";
 * MeasureSchema.parse({
 *   id: "transfer-registration",
 *   area: "交易登记",
 *   description: "取消限制二手车迁入政策",
 *   leadDepartments: ["市交警部门"],
 *   status: "completed",
 * }).area; //=> "交易登记"
 * ```
 */
export const MeasureSchema = z.strictObject({
  /** Stable id. */
  id: text,
  /** 领域 — the measure area (交易登记, 企业信用建设, 金融服务, …). */
  area: text,
  /** What the measure does. */
  description: text,
  /** 牵头单位 — the lead departments, or `"notStated"` when the source does not say. */
  leadDepartments: z.union([z.array(text).min(1), z.literal("notStated")]),
  /** 配合单位 — cooperating departments, if stated. */
  cooperatingDepartments: z.array(text).optional(),
  /** 实施主体 — bodies that carried it out without leading it (banks, platforms, funds). */
  implementers: z.array(text).optional(),
  /** Ids of the indicators that measure it. */
  indicators: z.array(text).optional(),
  /** 实施状态 */
  status: z.literal(IMPLEMENTATION_STATUSES),
  /** What shows it. */
  evidence: z.array(EvidenceSchema).optional(),
});

/** 措施 — see {@link MeasureSchema}. */
export type Measure = z.output<typeof MeasureSchema>;

/** What callers may pass for a measure. */
export type MeasureInput = z.input<typeof MeasureSchema>;

/** 评估步骤 — the usual steps of an evaluation, and `other`. */
export const PROCESS_STEPS = Object.freeze([
  "establishWorkingGroup",
  "requestInput",
  "publicConsultation",
  "fieldResearch",
  "evaluationMeeting",
  "expertReview",
  "legalReview",
  "drafting",
  "other",
] as const);

/** 评估步骤 — `establishWorkingGroup` 成立工作组, `requestInput` 发函征求意见, `publicConsultation` 公开征求意见, `fieldResearch` 实地调研, `evaluationMeeting` 召开评估会议, `expertReview` 专家论证, `legalReview` 合法性审核, `drafting` 形成评估报告, `other`. */
export type ProcessStepKind = (typeof PROCESS_STEPS)[number];

/**
 * 评估步骤 — one step of the evaluation process.
 *
 * @example
 * ```ts
 * import { ProcessStepSchema } from "policy-eval";
 * ProcessStepSchema.parse({ step: "requestInput", label: "发函征求意见" }).step; //=> "requestInput"
 * ```
 */
export const ProcessStepSchema = z.strictObject({
  /** What kind of step. */
  step: z.literal(PROCESS_STEPS),
  /** What the report calls it. */
  label: text.optional(),
  /** When (partial dates allowed; absent when the report gives none). */
  on: PartialDateSchema.optional(),
  /** What was done. */
  description: text.optional(),
  /** Units involved. */
  participants: z.array(text).optional(),
});

/** 评估步骤 — see {@link ProcessStepSchema}. */
export type ProcessStep = z.output<typeof ProcessStepSchema>;

/**
 * 征求意见单位 — a unit asked for input, and its reply if recorded.
 *
 * @example
 * ```ts
 * import { ConsultedUnitSchema } from "policy-eval";
 * ConsultedUnitSchema.parse({ name: "市公安局" }).replied; //=> undefined
 * ```
 */
export const ConsultedUnitSchema = z.strictObject({
  /** The unit's name. */
  name: text,
  /** Whether it replied: true, false, or absent when the report does not say. */
  replied: z.boolean().optional(),
  /** What it said. */
  reply: text.optional(),
});

/** 征求意见单位 — see {@link ConsultedUnitSchema}. */
export type ConsultedUnit = z.output<typeof ConsultedUnitSchema>;

/**
 * 评估发现 — the finding on one criterion; the criterion may be given by an alias.
 *
 * @example
 * ```ts
 * import { FindingSchema } from "policy-eval";
 * FindingSchema.parse({ criterion: "impact", rating: "met" }).criterion; //=> "effectiveness"
 * FindingSchema.safeParse({ criterion: "beauty", rating: "met" }).success; //=> false
 * ```
 */
export const FindingSchema = z.strictObject({
  /** The criterion (ours, or an alias: relevance, impact, 实效性 …). */
  criterion: z.string().transform((name, ctx): Criterion => {
    const criterion = toCriterion(name);
    if (criterion === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown criterion ${name}`,
        params: bilingualIssue("unknown-criterion", `未知的评估标准：${name}`, `Unknown criterion ${name} (expected one of ${CRITERIA.join(", ")} or an alias)`),
      });
      return z.NEVER;
    }
    return criterion;
  }),
  /** How far it was met. */
  rating: z.literal(RATINGS),
  /** What shows it. */
  evidence: z.array(EvidenceSchema).optional(),
});

/** 评估发现 — see {@link FindingSchema}. */
export type Finding = z.output<typeof FindingSchema>;

/**
 * 冲突 — a provision found to conflict with a superior one.
 *
 * @example
 * ```ts
 * import { ConflictSchema } from "policy-eval";
 * ConflictSchema.parse({ superior: { document: "国办发〔2016〕13号" }, description: "限制迁入" }).superior.document; //=> "国办发〔2016〕13号"
 * ```
 */
export const ConflictSchema = z.strictObject({
  /** The subject's provision (条款), if identified. */
  provision: text.optional(),
  /** The superior document and article it conflicts with. */
  superior: z.strictObject({
    /** 发文字号 or title. */
    document: text,
    /** The article. */
    article: text.optional(),
  }),
  /** What the conflict is. */
  description: text,
});

/** 冲突 — see {@link ConflictSchema}. */
export type Conflict = z.output<typeof ConflictSchema>;

/** Grounds on which evaluators may find a document should end (国发〔2015〕68号). */
export const ENDING_GROUNDS = Object.freeze(["taskCompleted", "subjectGone", "unsuitedToConditions", "other"] as const);

/** `taskCompleted` 工作任务已完成, `subjectGone` 调整对象已消失, `unsuitedToConditions` 不适应形势, `other`. */
export type EndingGround = (typeof ENDING_GROUNDS)[number];

/**
 * 终止理由 — a ground for ending the document that the evaluators raised.
 *
 * @example
 * ```ts
 * import { EndingGroundSchema } from "policy-eval";
 * EndingGroundSchema.parse({ ground: "taskCompleted" }).ground; //=> "taskCompleted"
 * ```
 */
export const EndingGroundSchema = z.strictObject({
  /** The ground. */
  ground: z.literal(ENDING_GROUNDS),
  /** What shows it. */
  evidence: z.array(EvidenceSchema).optional(),
});

/** 终止理由 — see {@link EndingGroundSchema}. */
export type EndingGroundFinding = z.output<typeof EndingGroundSchema>;

/**
 * 评估 — one evaluation of a document.
 *
 * Lists are closed where the report is explicit: `conflicts: []` means "no
 * conflict found", while leaving `conflicts` out means the record does not
 * say, and the rules will treat the question as open. The same holds for
 * `endingGrounds` and for each criterion's finding.
 *
 * @example
 * ```ts
 * import { EvaluationSchema } from "policy-eval";
 * const evaluation = EvaluationSchema.parse({
 *   subject: "qfb-2017-59",
 *   evaluatedOn: "2021",
 *   findings: [{ criterion: "实效性", rating: "met" }],
 *   conflicts: [],
 * });
 * evaluation.findings?.[0]?.criterion; //=> "effectiveness"
 * ```
 */
export const EvaluationSchema = z.strictObject({
  /** The evaluated document's id in the catalogue. */
  subject: text,
  /** 评估日期 (partial dates allowed). */
  evaluatedOn: PartialDateSchema,
  /** 评估机关; absent when the report does not name it (it may say only 我局). */
  evaluatingBody: text.optional(),
  /** How the report refers to the evaluating body, e.g. 我局. */
  evaluatingBodyAsWritten: text.optional(),
  /** 评估工作组 — its members' roles, as the report gives them. */
  workingGroup: z
    .strictObject({
      /** The roles of its members (业务分管领导, 业务科室工作人员 …). */
      members: z.array(z.strictObject({ /** The role. */ role: text, /** How many, if stated. */ count: z.number().int().min(1).optional() })),
    })
    .optional(),
  /** 评估过程 — the steps taken, in order. */
  process: z.array(ProcessStepSchema).optional(),
  /** 征求意见单位 */
  consultedUnits: z.array(ConsultedUnitSchema).optional(),
  /** 评估发现 — at most one finding per criterion. */
  findings: z
    .array(FindingSchema)
    .superRefine((findings, ctx) => {
      const seen = new Set<string>();
      findings.forEach((finding, i) => {
        if (seen.has(finding.criterion)) {
          ctx.addIssue({
            code: "custom",
            path: [i, "criterion"],
            message: `Second finding on ${finding.criterion}`,
            params: bilingualIssue("duplicate-finding", `同一评估标准（${CRITERION_LABELS[finding.criterion]}）有两条评估发现`, `Two findings on one criterion (${finding.criterion})`),
          });
        }
        seen.add(finding.criterion);
      });
    })
    .optional(),
  /** 冲突 — conflicts with superior provisions found (`[]` = none found). */
  conflicts: z.array(ConflictSchema).optional(),
  /** 终止理由 — grounds for ending raised by the evaluators (`[]` = none raised). */
  endingGrounds: z.array(EndingGroundSchema).optional(),
  /** 评估建议 — the evaluators' own recommendation, if any. */
  recommendation: z
    .strictObject({
      /** What they recommend. */
      conclusion: z.enum(RULE_CONCLUSIONS),
      /** Their words. */
      quote: text.optional(),
    })
    .optional(),
  /** The measures carried out under the document. */
  measures: z.array(MeasureSchema).optional(),
});

/** 评估 — see {@link EvaluationSchema}. */
export type Evaluation = z.output<typeof EvaluationSchema>;

/** What callers may pass for an evaluation. */
export type EvaluationInput = z.input<typeof EvaluationSchema>;
