// A client that talks to the app the way a browser behind a TLS-terminating proxy does: plain HTTP
// to the app's port, with the public Host, the public Origin on writes, X-Forwarded-For from "its"
// address, and a cookie jar of one session cookie.
import { request as httpRequest } from 'node:http';
import { randomInt } from 'node:crypto';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface RequestOptions {
  body?: unknown;
  rawBody?: string | Buffer;
  contentType?: string | null;
  /** undefined → the public origin on non-GET requests; null → no Origin header. */
  origin?: string | null;
  headers?: Record<string, string>;
  cookie?: string | null;
  /** Send `path` exactly as given: no URL parsing, so no normalisation of `..`, `%ZZ` or bytes. */
  rawPath?: boolean;
}

export class TestClient {
  cookie: string | null = null;
  readonly forwardedFor: string;

  constructor(
    readonly baseUrl: string,
    readonly publicUrl: string,
    forwardedFor?: string,
  ) {
    this.forwardedFor = forwardedFor ?? `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const target = options.rawPath ? new URL(this.baseUrl) : new URL(path, this.baseUrl);
    const publicHost = new URL(this.publicUrl).host;
    const headers: Record<string, string> = { Host: publicHost, 'X-Forwarded-For': this.forwardedFor, 'User-Agent': 'trustbridge-tests' };
    const origin = options.origin === undefined ? (method === 'GET' || method === 'HEAD' ? null : new URL(this.publicUrl).origin) : options.origin;
    if (origin) headers.Origin = origin;
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    if (cookie) headers.Cookie = cookie;
    let payload: Buffer | undefined;
    if (options.rawBody !== undefined) payload = Buffer.isBuffer(options.rawBody) ? options.rawBody : Buffer.from(options.rawBody);
    else if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body));
    if (payload) {
      const type = options.contentType === undefined ? 'application/json' : options.contentType;
      if (type) headers['Content-Type'] = type;
      // A chunked body (Transfer-Encoding set by the caller) has no Content-Length.
      if (!Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'transfer-encoding')) headers['Content-Length'] = String(payload.length);
    }
    Object.assign(headers, options.headers ?? {});
    return new Promise((resolve, reject) => {
      const sentPath = options.rawPath ? path : `${target.pathname}${target.search}`;
      const req = httpRequest({ method, hostname: target.hostname, port: target.port, path: sentPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, body?: unknown, options?: RequestOptions) => this.request('POST', path, { ...options, ...(body === undefined ? {} : { body }) });
  patch = (path: string, body?: unknown, options?: RequestOptions) => this.request('PATCH', path, { ...options, ...(body === undefined ? {} : { body }) });
  put = (path: string, body?: unknown, options?: RequestOptions) => this.request('PUT', path, { ...options, ...(body === undefined ? {} : { body }) });
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options);

  /** Keeps the session cookie a response sets (the jar holds one cookie: the session). */
  absorbCookies(result: HttpResult): void {
    const set = result.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      if (!pair) continue;
      const [name, value] = pair.split('=');
      if (name && /tb_session$/.test(name)) this.cookie = value ? `${name}=${value}` : null;
    }
  }

  async signIn(email: string, password: string): Promise<HttpResult> {
    const result = await this.post('/api/v1/auth/login', { email, password });
    this.absorbCookies(result);
    return result;
  }
}
