// Public API of the trust-policy engine: pure TypeScript, no I/O, runs on the server and in the browser.
export * from './model';
export { parsePolicy, type ParseResult, type PolicyError, type PolicyErrorCode } from './parse-policy';
export { renderPolicy, renderStatement, type RenderOptions } from './render-policy';
export {
  compilePolicy,
  evaluatePolicy,
  firstFailure,
  type CompiledPolicy,
  type ConditionTrace,
  type Decision,
  type Diagnosis,
  type EvaluationRequest,
  type EvaluationResult,
  type FirstFailure,
  type PartTrace,
  type StatementTrace,
} from './evaluate-policy';
export { ASSUME_ROLE_WITH_WEB_IDENTITY, deriveRequestFromClaims, issuerKeyPrefix, oidcProviderArn, TAGS_CLAIM, type DeriveRequestOptions } from './derive-request';
export { DEFAULT_TRUST_POLICY_QUOTA, lintChecks, lintPolicy, MAX_TRUST_POLICY_QUOTA, policySize, type Finding, type LintOptions, type LintRule, type Severity } from './lint-policy';
export * from './builder-model';
export { builderFromPolicy } from './builder-from-policy';
export { policyFromBuilder } from './policy-from-builder';
export { PRESET_IDS, PRESETS, PRODUCTION_STAGE, type PresetContext, type PresetId } from './presets';
export { claimsForEnvironment, DEFAULT_AUDIENCE, type ReachContext, type ReachEnvironment } from './claims-for-environment';
export { computeReach, type ReachResult } from './compute-reach';
export { diagnoseWebIdentity, evaluateWebIdentity, TAG_SESSION, type WebIdentityEvaluation } from './web-identity';
export { admits, proposeFix, type ProposedFix } from './propose-fix';
export { describeFailure } from './describe-failure';
