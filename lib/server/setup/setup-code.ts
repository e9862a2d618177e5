import { randomBytes } from 'node:crypto';

// First-run setup code: 12 Crockford base32 characters (60 bits) shown as XXXX-XXXX-XXXX. Case,
// spaces and dashes are ignored when it is typed back; O/I/L are read as 0/1/1.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateSetupCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

export function normalizeSetupCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
