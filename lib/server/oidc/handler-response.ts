// Framework-neutral response of the issuer's hot-path handlers: the custom server writes it to a
// node:http response, the Next route handlers turn it into a Response. One codebase, two doors.
export interface HandlerResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): HandlerResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }, body: JSON.stringify(value) };
}

export function toWebResponse(r: HandlerResponse): Response {
  return new Response(r.status === 304 || r.status === 204 ? null : typeof r.body === 'string' ? r.body : new Uint8Array(r.body), { status: r.status, headers: r.headers });
}
