// Scans JSON text that JSON.parse has already accepted, for what JSON.parse silently hides:
// duplicate member names (JSON.parse keeps the last one, so two readers of the same token may
// disagree on its claims — RFC 7515 §5.2 and RFC 7519 §4 require rejecting or refusing them) and
// the nesting depth (JSON.stringify of a very deep value overflows the stack). Iterative and linear.

export interface DuplicateKey {
  /** JSON path of the object holding the key, e.g. `$` or `$["https://aws.amazon.com/tags"]`. */
  path: string;
  key: string;
}

export interface JsonScan {
  duplicates: DuplicateKey[];
  depth: number;
}

const MAX_REPORTED = 20;

function pathOf(keys: readonly (string | null)[]): string {
  return `$${keys.map((k) => (k === null ? '[]' : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('')}`;
}

/** Duplicate keys and maximum depth of `text`, which must be valid JSON. */
export function scanJson(text: string): JsonScan {
  const duplicates: DuplicateKey[] = [];
  // One frame per open object or array: the keys seen so far (objects) and the key that led here.
  const frames: { keys: Set<string> | null; via: string | null }[] = [];
  let depth = 0;
  let expectKey = false;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = frames[frames.length - 1];
      if (expectKey && top?.keys) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key)) {
          if (duplicates.length < MAX_REPORTED) duplicates.push({ path: pathOf(frames.slice(1).map((f) => f.via)), key });
        } else top.keys.add(key);
        pendingKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      frames.push({ keys: c === 0x7b ? new Set() : null, via: pendingKey });
      pendingKey = null;
      depth = Math.max(depth, frames.length);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = frames[frames.length - 1]?.keys != null;
      pendingKey = null;
    }
  }
  return { duplicates, depth };
}
