// Ordered JSON serializer: objects are written in the order given (JS objects would move
// integer-like keys first). Compact or pretty (two-space indentation).
import type { JsonValue } from '../model';

export type OutNode =
  | { t: 'obj'; entries: Array<[string, OutNode]> }
  | { t: 'arr'; items: OutNode[] }
  | { t: 'val'; value: JsonValue };

export function obj(entries: Array<[string, OutNode]>): OutNode {
  return { t: 'obj', entries };
}

export function arr(items: OutNode[]): OutNode {
  return { t: 'arr', items };
}

export function val(value: JsonValue): OutNode {
  return { t: 'val', value };
}

function scalar(value: null | boolean | number | string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  return JSON.stringify(value);
}

function fromJson(value: JsonValue): OutNode | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) return arr(value.map((v) => fromJson(v) ?? val(v)));
  return obj(Object.keys(value).map((k) => [k, fromJson(value[k] as JsonValue) ?? val(value[k] as JsonValue)]));
}

export function write(node: OutNode, pretty: boolean, indent = ''): string {
  if (node.t === 'val') {
    const expanded = fromJson(node.value);
    return expanded ? write(expanded, pretty, indent) : scalar(node.value as null | boolean | number | string);
  }
  const inner = indent + '  ';
  if (node.t === 'arr') {
    if (node.items.length === 0) return '[]';
    const items = node.items.map((i) => write(i, pretty, inner));
    return pretty ? `[\n${inner}${items.join(`,\n${inner}`)}\n${indent}]` : `[${items.join(',')}]`;
  }
  if (node.entries.length === 0) return '{}';
  const entries = node.entries.map(([k, v]) => `${JSON.stringify(k)}:${pretty ? ' ' : ''}${write(v, pretty, inner)}`);
  return pretty ? `{\n${inner}${entries.join(`,\n${inner}`)}\n${indent}}` : `{${entries.join(',')}}`;
}
