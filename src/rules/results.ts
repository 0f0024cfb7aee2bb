/**
 * 推理结果 — what {@link runRules} answers: the conclusion, one reason per
 * winning rule, what kept an undetermined answer open, and the trace.
 *
 * @module
 */
import type { LocalizedMessage } from "../errors.js";
import type { PartialDate } from "../dates/index.js";
import type { JsonFactValue } from "./factTypes.js";
import type { Basis } from "./schema.js";
import type { Trace } from "./trace.js";
import type { Ground, RuleConclusion } from "./vocabulary.js";

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /**
   * 评估日期 — the evaluation date: rules, the rule set and parameters are
   * taken as in force on it. It may be known only to the month or the year
   * (`'2021'`, as the reference report): a question it cannot settle — a rule
   * in force on part of the year only, a parameter changing within it — is
   * answered as unknown, never by guessing a day.
   */
  readonly date: PartialDate;
}

/** A fact behind a reason: its value (decimals as strings), why it holds, what it cites. */
export interface ReasonFact {
  /** The fact's name. */
  readonly name: string;
  /** Its value (decimals as strings, dates as given). */
  readonly value: JsonFactValue;
  /** Why it holds, as given with the fact. */
  readonly explanation?: LocalizedMessage;
  /** The documents it rests on, as given with the fact. */
  readonly cites?: readonly string[];
}

/**
 * 理由 — why a winning rule concludes what it does: its reason text, its
 * basis, the facts whose values made its condition hold, and every document
 * cited (the basis documents first, then the facts' `cites`).
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - its grounds (default: {@link Ground})
 */
export interface Reason<C extends string = RuleConclusion, G extends string = Ground> {
  /** The rule's id. */
  readonly rule: string;
  /** What it concludes. */
  readonly conclusion: C;
  /** On which ground. */
  readonly ground?: G;
  /** The reason in English (same as `messages.en`). */
  readonly message: string;
  /** The reason in zh-CN and en. */
  readonly messages: LocalizedMessage;
  /** The rule's legal basis. */
  readonly basis: readonly Basis[];
  /** The fact leaves that made the condition hold, in the order the condition names them. */
  readonly facts: readonly ReasonFact[];
  /** Basis documents and the facts' cites, without duplicates. */
  readonly cites: readonly string[];
}

/**
 * The rules that disagreed, and their conclusions (in the order of the rule
 * set's `conclusions`: {@link RULE_CONCLUSIONS} by default).
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 */
export interface RulesConflict<C extends string = RuleConclusion> {
  /** The winning rules, in rule-set order. */
  readonly rules: readonly string[];
  /** Their distinct conclusions. */
  readonly conclusions: readonly C[];
}

/**
 * What every {@link RulesResult} has, whatever its conclusion.
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - its grounds (default: {@link Ground})
 */
export interface RulesResultBase<C extends string = RuleConclusion, G extends string = Ground> {
  /**
   * 缺失事实 — when the answer is `undetermined`: the missing facts that kept
   * the conditions that could change it unknown (sorted). Empty otherwise.
   */
  readonly missingFacts: readonly string[];
  /** Like `missingFacts`, for facts known too imprecisely (a partial date) to settle a comparison. */
  readonly uncertainFacts: readonly string[];
  /**
   * Like `missingFacts`, for parameters whose value changes within a partial
   * evaluation date (or has no value on some of its days), so that a
   * comparison with them could not be settled (sorted).
   */
  readonly uncertainParameters: readonly string[];
  /**
   * Like `missingFacts`, for rules that could change the answer but may or
   * may not be in force on a partial evaluation date (it spans their, or
   * their rule set's, first or last day), in rule-set order.
   */
  readonly uncertainRules: readonly string[];
  /** The full trace; never empty. */
  readonly trace: Trace<C, G>;
}

/**
 * 推理结果 — what {@link runRules} answers. Narrow on `conclusion`:
 * a rule conclusion comes with at least one reason; `conflict` with the
 * disagreeing rules; `undetermined` with no reason, and `missingFacts` /
 * `uncertainFacts` naming what is missing (both empty when no rule applies
 * at all).
 *
 * @typeParam C - the conclusions of the rule set's vocabulary (default: {@link RuleConclusion})
 * @typeParam G - its grounds (default: {@link Ground})
 */
export type RulesResult<C extends string = RuleConclusion, G extends string = Ground> =
  | (RulesResultBase<C, G> & {
      /** The winners' common conclusion. */
      readonly conclusion: C;
      /** One per winning rule. */
      readonly reasons: readonly [Reason<C, G>, ...Reason<C, G>[]];
    })
  | (RulesResultBase<C, G> & {
      /** The winners disagree. */
      readonly conclusion: "conflict";
      /** One per winning rule, each with its own conclusion. */
      readonly reasons: readonly Reason<C, G>[];
      /** Which rules disagree, on what. */
      readonly conflict: RulesConflict<C>;
    })
  | (RulesResultBase<C, G> & {
      /** No rule applies, or missing facts could change the answer. */
      readonly conclusion: "undetermined";
      /** None. */
      readonly reasons: readonly [];
    });
