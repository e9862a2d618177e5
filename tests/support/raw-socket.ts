// One HTTP/1.1 exchange over a bare TCP socket, for requests no HTTP client library will send:
// methods the server's parser refuses, CONNECT, over-long request lines, broken request lines.
// Reads one response (by Content-Length, else until the server closes the connection).
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The raw bytes received, as latin1 text (for diagnostics). */
  text: string;
}

function parse(text: string): RawResponse | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = Buffer.from(text.slice(end + 4), 'latin1');
  const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  if (length !== null && rest.length < length) return null;
  return { status, headers, body: (length === null ? rest : rest.subarray(0, length)).toString('utf8'), text };
}

export function rawExchange(baseUrl: string, request: string | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(text);
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`no complete HTTP response (${text.length} bytes): ${JSON.stringify(text.slice(0, 300))}`));
    };
    const timer = setTimeout(() => finish(new Error(`no response within ${timeoutMs} ms: ${JSON.stringify(text.slice(0, 300))}`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const parsed = parse(text);
      if (parsed && parsed.headers['content-length'] !== undefined) finish();
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish());
    socket.write(request);
  });
}
