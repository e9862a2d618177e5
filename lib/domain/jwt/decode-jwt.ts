// Decodes a compact JWS (RFC 7515 §7.1: BASE64URL(header).BASE64URL(payload).BASE64URL(signature))
// without verifying it, and says exactly where malformed input breaks: which segment, which
// character, whether it is base64url, UTF-8, JSON, a JSON object. Pure and synchronous: the
// browser decodes as the user types, the server and the CLI use the same rules. Nothing here
// keeps, logs or sends the token.
import { scanJson, type DuplicateKey } from './json-scan';

export type JwtSegment = 'header' | 'payload' | 'signature';

export type DecodeErrorCode = 'empty' | 'segment_count' | 'empty_segment' | 'bad_base64url' | 'bad_utf8' | 'bad_json' | 'not_object' | 'too_deep';

export interface DecodeError {
  code: DecodeErrorCode;
  /** The segment that breaks; null when the token as a whole is wrong (empty, wrong number of parts). */
  segment: JwtSegment | null;
  message: string;
  /** Index in the (trimmed) token text where it breaks, when one character is at fault. */
  offset?: number;
}

export interface DecodedJwt {
  ok: true;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The three segments as written (of the trimmed token). */
  segments: [string, string, string];
  /** Duplicate member names (JSON.parse keeps the last one; a careful verifier refuses the token). */
  duplicateKeys: Array<DuplicateKey & { segment: 'header' | 'payload' }>;
  /** What is wrong with the signature segment, if anything (decoding does not need it). */
  signatureProblem: string | null;
  /** Characters of the trimmed token. */
  length: number;
}

export type DecodeResult = DecodedJwt | { ok: false; error: DecodeError; header?: Record<string, unknown> };

/** Deeper nesting is refused: no JWT needs it, and rendering it back would exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

const SEGMENT_NAMES: Record<JwtSegment, string> = { header: 'header (part 1)', payload: 'payload (part 2)', signature: 'signature (part 3)' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isBase64UrlChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;
}

function describeChar(ch: string): string {
  if (ch === '=') return 'padding "=" (base64url leaves padding out)';
  if (ch === '+' || ch === '/') return `"${ch}" (that is base64; base64url uses "-" and "_")`;
  if (/\s/.test(ch)) return 'white space';
  return JSON.stringify(ch);
}

/** Where `segment` stops being base64url, or null when it is well formed. */
export function base64UrlProblem(segment: string): { index: number; message: string } | null {
  for (let i = 0; i < segment.length; i++) {
    if (!isBase64UrlChar(segment.charCodeAt(i))) {
      const ch = String.fromCodePoint(segment.codePointAt(i) ?? 0);
      return { index: i, message: `character ${i + 1} is ${describeChar(ch)}, which is not base64url (A–Z, a–z, 0–9, "-", "_")` };
    }
  }
  if (segment.length % 4 === 1) return { index: segment.length - 1, message: `its length (${segment.length}) is impossible for base64url (one character too many or too few)` };
  return null;
}

/** Bytes of a well-formed base64url string. */
export function base64UrlBytes(segment: string): Uint8Array {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64.padEnd(b64.length + ((4 - (b64.length % 4)) % 4), '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type SegmentResult = { ok: true; value: Record<string, unknown>; duplicates: DuplicateKey[] } | { ok: false; error: DecodeError };

function decodeJsonSegment(segment: string, which: 'header' | 'payload', start: number): SegmentResult {
  const name = SEGMENT_NAMES[which];
  const fail = (code: DecodeErrorCode, message: string, offset?: number): SegmentResult => ({ ok: false, error: { code, segment: which, message, ...(offset !== undefined ? { offset } : {}) } });
  if (segment === '') return fail('empty_segment', `The ${name} is empty.`, start);
  const problem = base64UrlProblem(segment);
  if (problem) return fail('bad_base64url', `The ${name} is not base64url: ${problem.message}.`, start + problem.index);
  let text: string;
  try {
    text = utf8.decode(base64UrlBytes(segment));
  } catch {
    return fail('bad_utf8', `The ${name} decodes to bytes that are not UTF-8 text, so it cannot be JSON.`, start);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    return fail('bad_json', `The ${name} is base64url, but what it decodes to is not JSON: ${JSON.stringify(shown)}.`, start);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return fail('not_object', `The ${name} is JSON, but ${kind}; it must be a JSON object ({…}).`, start);
  }
  const scan = scanJson(text);
  if (scan.depth > MAX_JSON_DEPTH) return fail('too_deep', `The ${name} nests ${scan.depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`, start);
  return { ok: true, value: value as Record<string, unknown>, duplicates: scan.duplicates };
}

/**
 * Header and claims of a compact JWS, decoded without verification. Surrounding white space (a
 * pasted line break) is ignored; anything else that is not a JWT is an error naming where it breaks.
 */
export function decodeJwt(input: string): DecodeResult {
  const token = input.trim();
  if (token === '') return { ok: false, error: { code: 'empty', segment: null, message: 'The token is empty.' } };
  const parts = token.split('.');
  if (parts.length !== 3) {
    const jwe = parts.length === 5 ? ' Five parts is an encrypted token (JWE); AWS only accepts signed tokens (JWS).' : '';
    return { ok: false, error: { code: 'segment_count', segment: null, message: `A signed JWT has 3 parts separated by dots (header.payload.signature); this has ${parts.length}.${jwe}` } };
  }
  const [h, p, s] = parts as [string, string, string];
  const header = decodeJsonSegment(h, 'header', 0);
  if (!header.ok) return { ok: false, error: header.error };
  const payload = decodeJsonSegment(p, 'payload', h.length + 1);
  if (!payload.ok) return { ok: false, error: payload.error, header: header.value };
  const signatureIssue = s === '' ? 'The signature (part 3) is empty: the token is unsigned.' : base64UrlProblem(s);
  return {
    ok: true,
    header: header.value,
    claims: payload.value,
    segments: [h, p, s],
    duplicateKeys: [...header.duplicates.map((d) => ({ ...d, segment: 'header' as const })), ...payload.duplicates.map((d) => ({ ...d, segment: 'payload' as const }))],
    signatureProblem: signatureIssue === null ? null : typeof signatureIssue === 'string' ? signatureIssue : `The signature (part 3) is not base64url: ${signatureIssue.message}.`,
    length: token.length,
  };
}
