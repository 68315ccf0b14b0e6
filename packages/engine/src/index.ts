/**
 * @herald/engine: the pure, framework-free core shared by the server's
 * worker and the builder's simulator. No I/O; runs in Node and browsers.
 */
export * from './catalog.js';
export * from './flow-model.js';
export * from './rule-set.js';
export { flowProblemCodes } from './flow-problem.js';
export type { FlowProblem, FlowProblemCode } from './flow-problem.js';
export { validateFlow } from './flow-validator.js';
export { compileFlow } from './flow-compiler.js';
export type { CompileMeta, CompileResult } from './flow-compiler.js';
export {
  evaluateOperator,
  findOperator,
  operatorNames,
  operatorsForFieldType,
} from './operators.js';
export type { Operand, OperatorInfo, OperatorValueKind } from './operators.js';
export { durationUnits } from './date-operators.js';
export type { Duration, DurationUnit } from './date-operators.js';
export { rolloutBucket } from './rollout-bucket.js';
export { rolloutAudienceTest } from './rollout-audience.js';
export type { AudienceCustomer, AudienceTest } from './rollout-audience.js';
export { changeFields } from './fact-field.js';
export { createReferenceEngine, OPERAND_FACT } from './reference-engine.js';
export { evaluateChange, priorFacts } from './change-evaluator.js';
export type { EvaluateOptions } from './change-evaluator.js';
export { buildTriggerIndex } from './trigger-index.js';
export { createPublishedRuleSetCache } from './published-rule-set-cache.js';
export type { PublishedRuleSetCache } from './published-rule-set-cache.js';
export { recheckPath } from './path-recheck.js';
export type { PathRecheck } from './path-recheck.js';
export { computePathSendAt, computeSendAt } from './wait-schedule.js';
export type {
  PathWait,
  SendAtResult,
  WaitData,
  WaitProblem,
} from './wait-schedule.js';
export type { TriggerIndex } from './trigger-index.js';
export {
  checkTemplate,
  renderTemplate,
  TEMPLATE_MEMORY_LIMIT,
  TEMPLATE_PARSE_LIMIT,
  TEMPLATE_RENDER_LIMIT_MS,
} from './template-renderer.js';
export type {
  RenderOptions,
  RenderResult,
  TemplateContext,
  TemplateProblem,
  TemplateRoots,
} from './template-renderer.js';
export {
  describeTemplateDiff,
  diffTemplates,
  isSameTemplate,
} from './template-diff.js';
export type { TemplateDiff, TemplateText } from './template-diff.js';
export { selectTemplateVariant } from './template-variant-selector.js';
export type { TemplateVariant } from './template-variant-selector.js';
export { channelLimits, measureMessage } from './message-measure.js';
export type { ChannelLimit, MessageMeasure } from './message-measure.js';
export { DEFAULT_CHANNEL, resolveChannels } from './channel-resolver.js';
export type { ChannelCustomer } from './channel-resolver.js';
export * from './delivery-status.js';
