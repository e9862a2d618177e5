import { z } from 'zod';
import { ZId } from './common';

export const ZAuditQuery = z.object({
  action: z.string().trim().max(80).regex(/^[a-z_.]*$/, 'Use an action name such as project.create.').optional(),
  actor: z.string().trim().max(254).optional(),
  targetType: z.string().trim().max(40).regex(/^[a-z_]*$/).optional(),
  targetId: ZId.optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
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
