export { createCorpus, safeCreateCorpus, type AncestorDocument, type Corpus, type ParentStatus, type CreateCorpusOptions, type RelatedDocument, type SerializedCorpus } from "./corpus.js";
export type { EndSource, StartSource } from "./codes.js";
export { CORPUS_FORMAT } from "./validate.js";
export type { StatusAnswer, StatusEvent, StatusEventKind } from "./status.js";
export type { DueBaseField, DueForEvaluationOptions, DueItem, DueRule, DueWindow } from "./due.js";
export type { ChainLink, ImpactedDocument, ImpactQuery, ImpactResult, ParentChange } from "./impact.js";
