// Typed readings of condition values (IAM User Guide, "Condition operators").
// Numeric: "comparing a key to an integer or decimal value".
// Date: "one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time".
// Bool: "comparing a key to "true" or "false"" (we read both sides case-insensitively).
// Binary: "compares the value of the specified key byte for byte against a base-64 encoded
//   representation of the binary value in the policy".

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

// W3C-DTF profile of ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s]]TZD.
const W3C_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const EPOCH = /^-?\d+$/;

/** Milliseconds since the epoch, or null. Digit-only values are epoch seconds, except a 4-digit year. */
export function parseDate(text: string): number | null {
  const m = W3C_DATE.exec(text);
  if (m && (m[2] !== undefined || text.length === 4)) {
    const year = Number(m[1]);
    const month = m[2] !== undefined ? Number(m[2]) : 1;
    const day = m[3] !== undefined ? Number(m[3]) : 1;
    const hour = m[4] !== undefined ? Number(m[4]) : 0;
    const minute = m[5] !== undefined ? Number(m[5]) : 0;
    const second = m[6] !== undefined ? Number(m[6]) : 0;
    const fraction = m[7] !== undefined ? Number(`0.${m[7]}`) : 0;
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day > daysInMonth) return null;
    let ms = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000);
    const tz = m[8];
    if (tz !== undefined && tz !== 'Z') {
      const sign = tz.startsWith('-') ? -1 : 1;
      const th = Number(tz.slice(1, 3));
      const tm = Number(tz.slice(4, 6));
      if (th > 23 || tm > 59) return null;
      ms -= sign * (th * 60 + tm) * 60_000;
    }
    return Number.isFinite(ms) ? ms : null;
  }
  if (EPOCH.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) && Math.abs(seconds) < 1e13 ? seconds * 1000 : null;
  }
  return null;
}

export function parseBool(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decoded bytes as a binary string, or null when the text is not base64. */
export function parseBase64(text: string): string | null {
  if (!BASE64.test(text)) return null;
  try {
    return atob(text);
  } catch {
    return null;
  }
}
