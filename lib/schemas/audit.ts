import { z } from 'zod';
import { ZId } from './common';

export const ZAuditQuery = z.object({
  action: z.string().trim().max(80).regex(/^[a-z_.]*$/, 'Use an action name such as project.create.').optional(),
  actor: z.string().trim().max(254).optional(),
  targetType: z.string().trim().max(40).regex(/^[a-z_]*$/).optional(),
  targetId: ZId.optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
}).refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
  path: ['until'],
  message: 'until must not be before since.',
  // Only when both parsed as dates (otherwise their own issues say what is wrong).
  when: (payload) => {
    const q = payload.value as { since?: unknown; until?: unknown };
    return typeof q.since === 'string' && typeof q.until === 'string' && !Number.isNaN(Date.parse(q.since)) && !Number.isNaN(Date.parse(q.until));
  },
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: ZId,
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
