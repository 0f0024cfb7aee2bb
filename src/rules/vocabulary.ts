/**
 * 评估结论与理由类别 — what rules conclude and on which grounds. The engine is
 * generic: a rule set declares its own vocabulary (`conclusions`, in the
 * order a report lists them, and `grounds`); a set that declares none uses
 * the default one below, the vocabulary of docs/rules.md
 * (*Conclusions and grounds*): the five conclusions of a Guangdong
 * normative-document evaluation and the grounds of 国发〔2015〕68号.
 *
 * @module
 */
import type { PolicyEvalIssue } from "../errors.js";
import { excerpt, issue, listed } from "./issues.js";

/**
 * The default conclusions a rule can reach, in the order a report lists
 * them (a rule set that declares no `conclusions` uses these).
 *
 * @example
 * ```ts
 * import { RULE_CONCLUSIONS } from "policy-eval";
 * RULE_CONCLUSIONS.includes("continue"); //=> true
 * RULE_CONCLUSIONS.length; //=> 5
 * ```
 */
export const RULE_CONCLUSIONS = Object.freeze(["continue", "extend", "revise", "repeal", "declareExpired"] as const);

/**
 * What a rule (or the evaluators' recommendation) concludes: `continue` 继续有效
 * (继续沿用), `extend` 延长有效期, `revise` 修订, `repeal` 废止, `declareExpired` 宣布失效.
 */
export type RuleConclusion = (typeof RULE_CONCLUSIONS)[number];

/**
 * 评估结论 — the default vocabulary's conclusions (docs/rules.md): the five a
 * rule can reach, and `undetermined` when the facts cannot settle one.
 *
 * @example
 * ```ts
 * import { CONCLUSIONS } from "policy-eval";
 * CONCLUSIONS.at(-1); //=> "undetermined"
 * ```
 */
export const CONCLUSIONS = Object.freeze([...RULE_CONCLUSIONS, "undetermined"] as const);

/** 评估结论 — one of {@link CONCLUSIONS}. */
export type Conclusion = (typeof CONCLUSIONS)[number];

/**
 * 结论 — what {@link runRules} answers: a {@link RuleConclusion} when the
 * winning rules agree, `conflict` when they disagree (never settled by order),
 * and `undetermined` when no rule applies or missing facts could change the answer.
 */
export type ResultConclusion = Conclusion | "conflict";

/**
 * The default grounds a conclusion may rest on (国发〔2015〕68号 grounds, plus
 * `parentsInForceUnchanged` for the usual 继续沿用 reasoning); a rule set that
 * declares no `grounds` uses these.
 *
 * @example
 * ```ts
 * import { GROUNDS } from "policy-eval";
 * GROUNDS[0]; //=> "parentsInForceUnchanged"
 * ```
 */
export const GROUNDS = Object.freeze([
  "parentsInForceUnchanged",
  "supersededByHigherOrParent",
  "inconsistentWithHigher",
  "unsuitedToConditions",
  "taskCompleted",
  "subjectGone",
  "other",
] as const);

/**
 * 结论理由类别 — why a conclusion is reached: `parentsInForceUnchanged` 上位文件仍有效且未修订,
 * `supersededByHigherOrParent` 被新的上位法或上位文件取代、修改或废止,
 * `inconsistentWithHigher` 与上位法不一致, `unsuitedToConditions` 不适应形势,
 * `taskCompleted` 任务已完成, `subjectGone` 调整对象已消失, `other` 其他.
 */
export type Ground = (typeof GROUNDS)[number];

/** The answers of the engine itself, which no rule may conclude. @internal */
export const RESERVED_CONCLUSIONS: readonly string[] = Object.freeze(["undetermined", "conflict"]);

/** A rule set's vocabulary: its conclusions in report order, and its grounds. @internal */
export interface Vocabulary {
  readonly conclusions: readonly string[];
  readonly grounds: readonly string[];
  /** The same, for membership tests. */
  readonly conclusionSet: ReadonlySet<string>;
  readonly groundSet: ReadonlySet<string>;
}

/**
 * The vocabulary a rule set declares, the default for each list it leaves
 * out. Assumes lists of strings (shape checked by the caller).
 * @internal
 */
export function vocabularyOf(set: { readonly conclusions?: readonly string[] | undefined; readonly grounds?: readonly string[] | undefined }): Vocabulary {
  const conclusions = set.conclusions ?? RULE_CONCLUSIONS;
  const grounds = set.grounds ?? GROUNDS;
  return { conclusions, grounds, conclusionSet: new Set(conclusions), groundSet: new Set(grounds) };
}

/** Whether a value is an array of strings, the shape both lists must have. */
function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** The vocabulary a raw rule set declares: its lists when they are lists of strings, the default otherwise. @internal */
export function declaredVocabulary(set: Readonly<Record<string, unknown>>): Vocabulary {
  return vocabularyOf({
    conclusions: isStringList(set["conclusions"]) ? set["conclusions"] : undefined,
    grounds: isStringList(set["grounds"]) ? set["grounds"] : undefined,
  });
}

/**
 * The problems of a rule set's own vocabulary: a conclusion reserved for
 * the engine or declared twice, a ground declared twice. Lists of the wrong
 * shape are left to the schema.
 * @internal
 */
export function declarationIssues(set: Readonly<Record<string, unknown>>): PolicyEvalIssue[] {
  const issues: PolicyEvalIssue[] = [];
  for (const key of ["conclusions", "grounds"] as const) {
    const list = set[key];
    if (isStringList(list)) listIssues(key, list, issues);
  }
  return issues;
}

/** A raw rule (at `rules[index]`) concluding, or resting on a ground, that the vocabulary does not declare. @internal */
export function ruleVocabularyIssues(rule: unknown, index: number, vocabulary: Vocabulary): PolicyEvalIssue[] {
  if (typeof rule !== "object" || rule === null) return [];
  const { conclusion, ground } = rule as { conclusion?: unknown; ground?: unknown };
  const issues: PolicyEvalIssue[] = [];
  if (typeof conclusion === "string" && !vocabulary.conclusionSet.has(conclusion)) {
    issues.push(undeclared("conclusion", conclusion, ["rules", index, "conclusion"], vocabulary.conclusions));
  }
  if (typeof ground === "string" && !vocabulary.groundSet.has(ground)) {
    issues.push(undeclared("ground", ground, ["rules", index, "ground"], vocabulary.grounds));
  }
  return issues;
}

/** Every problem of a raw rule set's vocabulary and of its rules' use of it (for RuleSetSchema). @internal */
export function vocabularyIssues(set: Readonly<Record<string, unknown>>): PolicyEvalIssue[] {
  const vocabulary = declaredVocabulary(set);
  const rules = Array.isArray(set["rules"]) ? (set["rules"] as unknown[]) : [];
  return [...declarationIssues(set), ...rules.flatMap((rule, index) => ruleVocabularyIssues(rule, index, vocabulary))];
}

/** A name declared twice in a list; a conclusion reserved for the engine. */
function listIssues(key: "conclusions" | "grounds", list: readonly string[], issues: PolicyEvalIssue[]): void {
  const what = key === "conclusions" ? { zh: "结论", en: "conclusion" } : { zh: "理由类别", en: "ground" };
  const firstAt = new Map<string, number>();
  list.forEach((name, i) => {
    const first = firstAt.get(name);
    if (first !== undefined) {
      issues.push(
        issue(`duplicate-${what.en}`, [key, i], `${what.zh} ${excerpt(name)} 重复（已见于 ${key}[${first}]）`, `The ${what.en} ${excerpt(name)} is declared twice (first at ${key}[${first}])`, {
          [what.en]: name,
          first,
        }),
      );
      return;
    }
    firstAt.set(name, i);
    if (key === "conclusions" && RESERVED_CONCLUSIONS.includes(name)) {
      issues.push(issue("reserved-conclusion", [key, i], `${name} 是引擎自身的答案，规则不得以之为结论`, `${name} is the engine's own answer: no rule may conclude it`, { conclusion: name }));
    }
  });
}

function undeclared(kind: "conclusion" | "ground", name: string, path: readonly (string | number)[], allowed: readonly string[]): PolicyEvalIssue {
  const zh = kind === "conclusion" ? "结论" : "理由类别";
  return issue(
    `unknown-${kind}`,
    path,
    `规则集未声明${zh} ${excerpt(name)}；可用：${listed(allowed, "、")}`,
    `The rule set declares no ${kind} ${excerpt(name)}; use one of ${listed(allowed, ", ")}`,
    { [kind]: name, allowed },
  );
}
