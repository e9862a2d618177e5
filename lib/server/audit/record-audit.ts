import 'server-only';
import type { AuditAction } from '@/lib/domain/audit/actions';
import type { DbOrTx } from '../db/client';
import { newId } from '../security/ids';
import { redact } from './redact';

// One audit row per change, written with the same transaction client as the change itself, so a
// change without its audit row (or the reverse) cannot be committed.

export interface Actor {
  type: 'user' | 'environment' | 'system';
  id: string | null;
  label: string;
}

export interface AuditEntry {
  orgId: string | null;
  actor: Actor;
  /** One of the list in lib/domain/audit/actions.ts (the audit log's filter is derived from it). */
  action: AuditAction;
  target: { type: string; id?: string | null; label?: string | null };
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ipAddress?: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, label: 'system' };

function snapshot(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(redact(value));
}

export async function recordAudit(tx: DbOrTx, entry: AuditEntry, now = new Date()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId(now.getTime()),
      orgId: entry.orgId,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      targetLabel: entry.target.label ?? null,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: entry.requestId ?? null,
      ipAddress: entry.ipAddress ?? null,
      createdAt: now,
    },
  });
}
