import 'server-only';
import type { z } from 'zod';
import { AppError, badRequest, notFound, type FieldIssue } from '../errors';

// Input boundary: bodies, route params and query strings are parsed with zod; nothing else reaches
// the use cases. Bodies are read with a hard byte limit before parsing.

export const DEFAULT_BODY_LIMIT = 64 * 1024;

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

// The rest of an oversized body is never read, so the connection cannot carry another request
// (a chunked body's unread remainder would be taken for the next request, which then hangs):
// the 413 closes it.
const tooLarge = (maxBytes: number) => new AppError(413, 'payload_too_large', `Request bodies are limited to ${maxBytes} bytes.`, undefined, { Connection: 'close' });

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

// JSON is UTF-8 (RFC 8259 §8.1). Bytes that are not are refused rather than replaced by U+FFFD,
// which would store and acknowledge something the client never sent. A BOM is kept (and then
// fails JSON.parse), as before.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid UTF-8.');
  }
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = DEFAULT_BODY_LIMIT): Promise<z.output<S>> {
  requireJsonType(request);
  return parseJson(await readLimited(request, maxBytes), schema);
}

function requireJsonType(request: Request): void {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.');
}

function parseJson<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return validate(value, schema);
}

function validate<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest('Some fields are missing or invalid.', issuesOf(parsed.error));
  return parsed.data;
}

/** Like readJson, but an empty body (action routes whose fields are all optional) reads as `{}`. */
export async function readOptionalJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = DEFAULT_BODY_LIMIT): Promise<z.output<S>> {
  const text = await readLimited(request, maxBytes);
  if (text.trim() === '') return validate({}, schema);
  requireJsonType(request);
  return parseJson(text, schema);
}

/** Route params that do not even look like ids name nothing: 404, like a missing object. */
export async function readParams<S extends z.ZodType>(params: Promise<unknown>, schema: S, what = 'resource'): Promise<z.output<S>> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badRequest('Some query parameters are invalid.', issuesOf(parsed.error));
  return parsed.data;
}
