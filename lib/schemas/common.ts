import { z } from 'zod';
import { isWellFormed, readDisplayText, textLength } from '@/lib/domain/text/display-text';

// Field rules shared by forms (client) and route handlers (server).

export const ID_PATTERN = /^[0-9abcdefghjkmnpqrstvwxyz]{26}$/;
export const ZId = z.string().regex(ID_PATTERN, 'Not a valid id.');

// 1–40 characters; lowercase letters, digits and inner hyphens. Slugs appear in `sub` claims and
// AWS trust policies, so they are kept to characters that need no escaping anywhere.
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const ZSlug = z
  .string()
  .trim()
  .regex(SLUG_PATTERN, 'Use 1–40 lowercase letters, digits or hyphens; start and end with a letter or digit.');

export interface DisplayTextOptions {
  /** Most characters (code points, after normalisation and trimming). */
  max: number;
  /** The message for an empty text; without it, empty text is accepted. */
  required?: string;
  /** Line breaks (LF) are allowed: descriptions, not names. */
  multiline?: boolean;
}

/**
 * The one rule for every name and description people type and others read (lib/domain/text/
 * display-text.ts): well-formed Unicode, NFC, trimmed, no control, text-direction or invisible
 * characters. The parsed value is exactly what is stored and what every read returns. Use it for
 * every such field (new ones included); ZName is built on it.
 */
export function ZDisplayText({ max, required, multiline = false }: DisplayTextOptions) {
  return z.string().transform((raw, ctx) => {
    const refuse = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    const text = readDisplayText(raw, { multiline });
    if (!text.ok) return refuse(text.message);
    if (required && text.value === '') return refuse(required);
    if (textLength(text.value) > max) return refuse(`Use at most ${max} characters.`);
    return text.value;
  });
}

export const ZName = ZDisplayText({ max: 80, required: 'Enter a name.' });
export const ZDescription = ZDisplayText({ max: 500, multiline: true });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
// A lone surrogate has no UTF-8 encoding: hashed, it would become U+FFFD, and any other lone
// surrogate in its place would then sign in too.
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine(isWellFormed, 'The password is not valid Unicode: it has an unpaired surrogate.');

export const STAGES = ['development', 'staging', 'production'] as const;
export const ZStage = z.enum(STAGES, 'Choose development, staging or production.');
export type TStage = z.infer<typeof ZStage>;

export const ROLES = ['owner', 'admin', 'member'] as const;
export const ZRole = z.enum(ROLES, 'Choose owner, admin or member.');
export type TRole = z.infer<typeof ZRole>;

export const ZVersion = z.number().int().min(1);

export const ZPageQuery = z.object({
  cursor: z.string().max(64).regex(ID_PATTERN, 'Invalid cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    // Drop the combining marks NFKD split off ("Zürich" → "zurich", not "zu-rich").
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
