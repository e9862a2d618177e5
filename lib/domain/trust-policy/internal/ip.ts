// IP address operators (IAM User Guide): "The value must be in the standard CIDR format (for example,
// 203.0.113.0/24 or 2001:DB8:1234:5678::/64). If you specify an IP address without the associated
// routing prefix, IAM uses the default prefix value of /32." (An IPv6 address without a prefix is
// read as /128, the same "single address" meaning.)

export interface Cidr {
  v6: boolean;
  /** 1 word for IPv4, 4 words (big-endian) for IPv6. */
  words: number[];
  prefix: number;
}

function parseV4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const v = Number(part);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

function parseV6(text: string): number[] | null {
  if (text.length === 0 || text.includes(':::')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (v4 === null) return null;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return null;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return null;
    groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push((((groups[i] ?? 0) << 16) | (groups[i + 1] ?? 0)) >>> 0);
  return words;
}

export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const address = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : null;
  const v6 = address.includes(':');
  const max = v6 ? 128 : 32;
  let prefix = max;
  if (prefixText !== null) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > max) return null;
  }
  if (v6) {
    const words = parseV6(address);
    return words ? { v6, words, prefix } : null;
  }
  const v4 = parseV4(address);
  return v4 === null ? null : { v6, words: [v4], prefix };
}

/** True when `address` (a plain address) lies inside `range`. */
export function cidrContains(range: Cidr, address: Cidr): boolean {
  if (range.v6 !== address.v6) return false;
  let bits = range.prefix;
  for (let i = 0; i < range.words.length && bits > 0; i++) {
    const take = Math.min(32, bits);
    const mask = take === 32 ? 0xffffffff : (~(0xffffffff >>> take)) >>> 0;
    if ((((range.words[i] ?? 0) & mask) >>> 0) !== (((address.words[i] ?? 0) & mask) >>> 0)) return false;
    bits -= take;
  }
  return true;
}
