// A small JSON reader that keeps what `JSON.parse` throws away: key order (including integer-like
// keys), duplicate keys (AWS rejects a policy with "multiple instances of the same key"), and the
// line/column of a syntax error. Depth and size are bounded so hostile input yields an error code,
// never a stack overflow.
import type { JsonValue } from '../model';
import { formatPath, type PathSegment } from './path';

export type JsonNode =
  | { kind: 'object'; entries: JsonEntry[]; offset: number }
  | { kind: 'array'; items: JsonNode[]; offset: number }
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'null'; offset: number };

export interface JsonEntry {
  key: string;
  value: JsonNode;
  offset: number;
}

export type JsonReadErrorCode = 'json_syntax' | 'duplicate_key' | 'too_deep' | 'too_large' | 'invalid_json_value';

export interface JsonReadError {
  code: JsonReadErrorCode;
  message: string;
  path: string;
  line?: number;
  column?: number;
  offset?: number;
}

export const MAX_POLICY_CHARS = 64 * 1024;
export const MAX_DEPTH = 32;
const MAX_NODES = 100_000;

export type JsonReadResult = { ok: true; node: JsonNode } | { ok: false; errors: JsonReadError[] };

class SyntaxStop {
  constructor(readonly error: JsonReadError) {}
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  return `character ${JSON.stringify(text.charAt(offset))}`;
}

export function readJsonText(text: string): JsonReadResult {
  if (text.length > MAX_POLICY_CHARS) {
    return { ok: false, errors: [{ code: 'too_large', message: `The policy text is ${text.length} characters; at most ${MAX_POLICY_CHARS} are accepted.`, path: '$' }] };
  }
  const duplicates: JsonReadError[] = [];
  const path: PathSegment[] = [];
  let pos = 0;

  const fail = (code: JsonReadErrorCode, message: string, offset: number): never => {
    const { line, column } = lineColumn(text, offset);
    throw new SyntaxStop({ code, message: `${message} (line ${line}, column ${column})`, path: formatPath(path), line, column, offset });
  };

  const skipWs = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    while (true) {
      if (pos >= text.length) fail('json_syntax', 'Unterminated string', start);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c < 32) fail('json_syntax', 'Control character in string (escape it)', pos);
      if (c === 92) {
        out += text.slice(chunkStart, pos);
        const e = text.charAt(pos + 1);
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('json_syntax', 'Invalid \\u escape in string', pos);
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail('json_syntax', 'Invalid escape in string', pos);
        }
        pos += 2;
        chunkStart = pos;
        continue;
      }
      pos++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const readValue = (depth: number): JsonNode => {
    skipWs();
    const offset = pos;
    if (pos >= text.length) fail('json_syntax', 'Unexpected end of input where a value was expected', pos);
    const c = text.charAt(pos);
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) fail('too_deep', `Nesting deeper than ${MAX_DEPTH} levels`, pos);
      return c === '{' ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') return { kind: 'string', value: readString(), offset };
    if (c === 't' && text.startsWith('true', pos)) {
      pos += 4;
      return { kind: 'boolean', value: true, offset };
    }
    if (c === 'f' && text.startsWith('false', pos)) {
      pos += 5;
      return { kind: 'boolean', value: false, offset };
    }
    if (c === 'n' && text.startsWith('null', pos)) {
      pos += 4;
      return { kind: 'null', offset };
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      return { kind: 'number', value: Number(m[0]), offset };
    }
    return fail('json_syntax', `Unexpected ${describe(text, pos)} where a value was expected`, pos);
  };

  const readObject = (depth: number): JsonNode => {
    const offset = pos;
    pos++;
    const entries: JsonEntry[] = [];
    const seen = new Set<string>();
    skipWs();
    if (text.charAt(pos) === '}') {
      pos++;
      return { kind: 'object', entries, offset };
    }
    while (true) {
      skipWs();
      if (text.charAt(pos) !== '"') fail('json_syntax', `Unexpected ${describe(text, pos)} where a property name in double quotes was expected`, pos);
      const keyOffset = pos;
      const key = readString();
      skipWs();
      if (text.charAt(pos) !== ':') fail('json_syntax', `Unexpected ${describe(text, pos)} where ":" was expected`, pos);
      pos++;
      path.push(key);
      const value = readValue(depth);
      if (seen.has(key)) {
        const { line, column } = lineColumn(text, keyOffset);
        duplicates.push({ code: 'duplicate_key', message: `Duplicate key ${JSON.stringify(key)} (line ${line}, column ${column}); AWS rejects a policy with the same key twice in one object.`, path: formatPath(path), line, column, offset: keyOffset });
      }
      path.pop();
      seen.add(key);
      entries.push({ key, value, offset: keyOffset });
      skipWs();
      const d = text.charAt(pos);
      if (d === ',') {
        pos++;
        skipWs();
        if (text.charAt(pos) === '}') fail('json_syntax', 'Trailing comma before "}"', pos);
        continue;
      }
      if (d === '}') {
        pos++;
        return { kind: 'object', entries, offset };
      }
      fail('json_syntax', `Unexpected ${describe(text, pos)} where "," or "}" was expected`, pos);
    }
  };

  const readArray = (depth: number): JsonNode => {
    const offset = pos;
    pos++;
    const items: JsonNode[] = [];
    skipWs();
    if (text.charAt(pos) === ']') {
      pos++;
      return { kind: 'array', items, offset };
    }
    while (true) {
      path.push(items.length);
      items.push(readValue(depth));
      path.pop();
      skipWs();
      const d = text.charAt(pos);
      if (d === ',') {
        pos++;
        skipWs();
        if (text.charAt(pos) === ']') fail('json_syntax', 'Trailing comma before "]"', pos);
        continue;
      }
      if (d === ']') {
        pos++;
        return { kind: 'array', items, offset };
      }
      fail('json_syntax', `Unexpected ${describe(text, pos)} where "," or "]" was expected`, pos);
    }
  };

  try {
    const node = readValue(0);
    skipWs();
    if (pos < text.length) fail('json_syntax', `Unexpected ${describe(text, pos)} after the end of the JSON value`, pos);
    if (duplicates.length > 0) return { ok: false, errors: duplicates };
    return { ok: true, node };
  } catch (e) {
    if (e instanceof SyntaxStop) return { ok: false, errors: [e.error] };
    throw e;
  }
}

/** Converts an already-parsed value (e.g. a request body) to a node tree, with the same limits. */
export function readJsonValue(input: unknown): JsonReadResult {
  let nodes = 0;
  const path: PathSegment[] = [];
  const fail = (code: JsonReadErrorCode, message: string): never => {
    throw new SyntaxStop({ code, message, path: formatPath(path) });
  };
  const walk = (value: unknown, depth: number): JsonNode => {
    if (++nodes > MAX_NODES) fail('too_large', `More than ${MAX_NODES} JSON values`);
    if (value === null) return { kind: 'null', offset: -1 };
    switch (typeof value) {
      case 'string':
        return { kind: 'string', value, offset: -1 };
      case 'boolean':
        return { kind: 'boolean', value, offset: -1 };
      case 'number':
        if (!Number.isFinite(value)) fail('invalid_json_value', 'A number that JSON cannot represent');
        return { kind: 'number', value, offset: -1 };
      case 'object': {
        if (depth >= MAX_DEPTH) fail('too_deep', `Nesting deeper than ${MAX_DEPTH} levels`);
        if (Array.isArray(value)) {
          const items: JsonNode[] = [];
          for (let i = 0; i < value.length; i++) {
            path.push(i);
            items.push(walk(value[i], depth + 1));
            path.pop();
          }
          return { kind: 'array', items, offset: -1 };
        }
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) fail('invalid_json_value', 'Not a plain JSON object');
        const entries: JsonEntry[] = [];
        for (const key of Object.keys(value)) {
          path.push(key);
          entries.push({ key, value: walk((value as Record<string, unknown>)[key], depth + 1), offset: -1 });
          path.pop();
        }
        return { kind: 'object', entries, offset: -1 };
      }
      default:
        return fail('invalid_json_value', `A ${typeof value} is not a JSON value`);
    }
  };
  try {
    return { ok: true, node: walk(input, 0) };
  } catch (e) {
    if (e instanceof SyntaxStop) return { ok: false, errors: [e.error] };
    throw e;
  }
}

/** Plain JSON value of a node (objects built without touching prototypes, so `__proto__` stays data). */
export function nodeToJson(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'array':
      return node.items.map(nodeToJson);
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const e of node.entries) Object.defineProperty(out, e.key, { value: nodeToJson(e.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
  }
}
