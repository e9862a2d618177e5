import { z } from 'zod';

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

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const ZName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(80, 'Use at most 80 characters.')
  .refine((v) => !CONTROL.test(v), 'Control characters are not allowed.');

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

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
