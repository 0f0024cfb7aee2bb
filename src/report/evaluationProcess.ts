/**
 * 三、组织评估工作过程 — who evaluated, the working group, the process steps
 * with their dates and participants, and the units consulted.
 *
 * @module
 */
import type { ConsultedUnit, Evaluation, ProcessStep, ProcessStepKind } from "../evaluation/index.js";
import type { Block, Ctx } from "./model.js";
import { clean } from "./escape.js";
import { sentence } from "./words.js";

const STEP_ZH: Readonly<Record<ProcessStepKind, string>> = {
  establishWorkingGroup: "成立评估工作组",
  requestInput: "发函征求意见",
  publicConsultation: "公开征求意见",
  fieldResearch: "实地调研",
  evaluationMeeting: "召开评估会议",
  expertReview: "专家论证",
  legalReview: "合法性审核",
  drafting: "形成评估报告",
  other: "其他工作",
};

const STEP_EN: Readonly<Record<ProcessStepKind, string>> = {
  establishWorkingGroup: "Working group set up",
  requestInput: "Input requested from the units concerned",
  publicConsultation: "Public consultation",
  fieldResearch: "Field research",
  evaluationMeeting: "Evaluation meeting",
  expertReview: "Expert review",
  legalReview: "Legality review",
  drafting: "Report drafted",
  other: "Other work",
};

/** 市公安局（已回复）: a unit with its reply when recorded. */
function unitText(ctx: Ctx, unit: ConsultedUnit): string {
  const en = ctx.lang === "en";
  const name = clean(unit.name);
  if (unit.replied === undefined) return name;
  const said = unit.reply === undefined ? "" : `${en ? ": " : "："}${clean(unit.reply)}`;
  return `${name}${ctx.words.open}${unit.replied ? (en ? "replied" : "已回复") : en ? "did not reply" : "未回复"}${said}${ctx.words.close}`;
}

function stepText(ctx: Ctx, step: ProcessStep, consulted: readonly ConsultedUnit[]): string {
  const en = ctx.lang === "en";
  const { words } = ctx;
  const what = step.description ?? step.label;
  let out = step.on === undefined ? "" : `${ctx.date(step.on)}${en ? ": " : "，"}`;
  out += sentence(what === undefined ? (en ? STEP_EN : STEP_ZH)[step.step] : clean(what), words);
  if (step.participants !== undefined && step.participants.length > 0) {
    // A participant that is also a consulted unit shows its reply.
    const byName = new Map(consulted.map((u) => [u.name, u]));
    const list = step.participants.map((p) => {
      const unit = byName.get(p);
      return unit === undefined ? clean(p) : unitText(ctx, unit);
    });
    const count = step.participants.length;
    out += en ? ` Units involved (${count}): ${list.join(", ")}.` : `涉及单位：${list.join("、")}（共${count}家）。`;
  }
  return out;
}

function groupText(ctx: Ctx, evaluation: Evaluation): string | undefined {
  const members = evaluation.workingGroup?.members;
  if (members === undefined || members.length === 0) return undefined;
  const list = members.map((m) => `${clean(m.role)}${m.count === undefined ? "" : ctx.lang === "en" ? ` (${m.count})` : `${m.count}名`}`);
  return ctx.lang === "en" ? `The working group: ${list.join(", ")}.` : `评估工作组由${list.join("、")}组成。`;
}

/**
 * The blocks of 三、组织评估工作过程.
 *
 * @internal
 */
export function processBlocks(ctx: Ctx): Block[] {
  const { words, data } = ctx;
  const { evaluation } = data;
  const en = ctx.lang === "en";
  const blocks: Block[] = [{ kind: "section", number: ctx.number(1, 3), text: words.sections[2] }];
  const body = evaluation.evaluatingBody ?? evaluation.evaluatingBodyAsWritten;
  if (body !== undefined) blocks.push({ kind: "paragraph", text: en ? `Evaluated by ${clean(body)}.` : `评估机关：${clean(body)}。` });
  const steps = evaluation.process ?? [];
  const consulted = evaluation.consultedUnits ?? [];
  // The group is described by its own step when there is one.
  const group = steps.some((s) => s.step === "establishWorkingGroup" && s.description !== undefined) ? undefined : groupText(ctx, evaluation);
  if (group !== undefined) blocks.push({ kind: "paragraph", text: group });
  steps.forEach((step, k) => blocks.push({ kind: "item", depth: 2, number: ctx.number(2, k + 1), text: stepText(ctx, step, consulted) }));
  // Units consulted that no step names are listed after the steps.
  const named = new Set(steps.flatMap((s) => s.participants ?? []));
  const others = consulted.filter((u) => !named.has(u.name));
  if (others.length > 0) {
    const list = others.map((u) => unitText(ctx, u));
    blocks.push({ kind: "paragraph", text: en ? `Units consulted (${others.length}): ${list.join(", ")}.` : `征求意见单位：${list.join("、")}（共${others.length}家）。` });
  }
  if (steps.length === 0 && others.length === 0 && group === undefined && body === undefined) {
    blocks.push({ kind: "paragraph", text: en ? "The evaluation record does not describe how the evaluation was done." : "评估记录未载明评估工作过程。" });
  }
  return blocks;
}
