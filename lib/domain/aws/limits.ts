// AWS limits that Trustbridge enforces itself before any AWS call (PRODUCT.md "AWS facts"; the
// emulator used in tests validates almost none of them). Sources:
//   IAM API Reference, CreateRole: RoleName "[\w+=,.@-]+", 1–64; Path 1–512, "^/$" or
//     "^/[\u0021-\u007F]+/$" ("begin and end with forward slashes"); MaxSessionDuration 3600–43200;
//     Description 0–1000 "[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*".
//   IAM API Reference, CreateOpenIDConnectProvider: ClientIDList items 1–255; at most 100 client IDs
//     (IAM quotas); ThumbprintList items exactly 40 characters, at most 5.
//   STS API Reference, AssumeRoleWithWebIdentity: RoleSessionName 2–64 "[\w+=,.@-]*";
//     DurationSeconds 900 … the role's MaxSessionDuration (at most 43200); WebIdentityToken 4–20000.
//   IAM quotas: role trust policy 2048 characters by default (white space not counted), up to 4096.

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
export const ROLE_PATH_MAX = 512;
export const ROLE_DESCRIPTION_MAX = 1000;
export const ROLE_DESCRIPTION_PATTERN = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;
export const MAX_SESSION_DURATION_MIN = 3600;
export const MAX_SESSION_DURATION_MAX = 43200;
export const DURATION_SECONDS_MIN = 900;
export const DURATION_SECONDS_MAX = 43200;
export const DURATION_SECONDS_DEFAULT = 3600;
export const CLIENT_ID_MAX_LENGTH = 255;
export const CLIENT_IDS_MAX = 100;
export const THUMBPRINT_PATTERN = /^[0-9A-Fa-f]{40}$/;
export const THUMBPRINTS_MAX = 5;
export const ROLE_SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
export const WEB_IDENTITY_TOKEN_MAX = 20000;
/** AWS profile names the CLI writes (`--profile`): safe between brackets and in `key = value` without quoting. */
export const AWS_PROFILE_PATTERN = /^[\w.@+=,:/-]{1,128}$/;
export const MANAGED_POLICIES_MAX = 20; // IAM quota: managed policies attached to a role (default 10, raisable to 20)

/** "/" or "/a/b/": begins and ends with "/", printable ASCII between, at most 512 characters. */
export function isValidRolePath(path: string): boolean {
  return path.length <= ROLE_PATH_MAX && (path === '/' || /^\/[\u0021-\u007F]+\/$/.test(path)) && !path.includes('//');
}

/**
 * A RoleSessionName derived from free text (an environment's project/environment slugs): characters
 * outside [\w+=,.@-] become "-", cut to 64, padded to the minimum of 2. Always valid.
 */
export function roleSessionNameFrom(text: string): string {
  const cleaned = text.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return cleaned.length >= 2 ? cleaned : `${cleaned}--`.slice(0, 2);
}
