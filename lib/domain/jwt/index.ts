// Public API of the JWT inspection rules: pure TypeScript shared by the server, the browser and the CLI.
export { base64UrlBytes, base64UrlProblem, decodeJwt, MAX_JSON_DEPTH, type DecodedJwt, type DecodeError, type DecodeErrorCode, type DecodeResult, type JwtSegment } from './decode-jwt';
export { scanJson, type DuplicateKey, type JsonScan } from './json-scan';
export { explainClaims, explainHeader, INVISIBLE_CLAIMS_NOTE, type ClaimExplanation, type ClaimKind } from './explain-claims';
export * from './token-checks';
export { LONG_LIFETIME_SECONDS, NEAR_SIZE_LIMIT, tokenWarnings, type TokenWarning, type WarningId } from './token-warnings';
