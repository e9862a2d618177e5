import { z } from 'zod';

// The browser's only way to the API: fetch + the contract's error shape + a zod parse of the
// response, so components only ever see validated data.

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Init = { method?: Method; body?: unknown; signal?: AbortSignal };

/** The response's text, or an ApiError in the contract's shape. */
async function send(path: string, init: Init, accept: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach Trustbridge. Check your connection and try again.');
  }
  const text = await response.text();
  if (!response.ok) {
    const error = (parseJson(text) as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | null)?.error;
    const { code, message, issues, ...details } = error ?? {};
    throw new ApiError(response.status, code ?? 'http_error', message ?? `The request failed (HTTP ${response.status}).`, issues ?? [], details);
  }
  return text;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function api<S extends z.ZodType>(path: string, schema: S, init: Init = {}): Promise<z.output<S>> {
  return schema.parse(parseJson(await send(path, init, 'application/json')));
}

/** A text document (e.g. an AWS export). */
export function apiText(path: string, init: { signal?: AbortSignal } = {}): Promise<string> {
  return send(path, init, 'text/plain, */*');
}

/** For 204 responses. */
export async function apiNoContent(path: string, init: { method: Method; body?: unknown }): Promise<void> {
  await api(path, z.unknown(), init);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something unexpected went wrong. Try again.';
}
