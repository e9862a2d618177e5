import 'server-only';
import type { Role } from '@/lib/domain/access/permissions';
import type { TMe } from '@/lib/schemas/auth';
import type { SessionUser } from '../auth/sessions';
import { getDb } from '../db/client';

export async function getMe(session: SessionUser): Promise<TMe> {
  const memberships = await getDb().membership.findMany({
    where: { userId: session.user.id },
    include: { org: { select: { id: true, slug: true, name: true } } },
    orderBy: { orgId: 'asc' },
    take: 500,
  });
  return {
    user: { id: session.user.id, email: session.user.email, name: session.user.name, createdAt: session.user.createdAt.toISOString() },
    organizations: memberships.map((m) => ({ id: m.org.id, slug: m.org.slug, name: m.org.name, role: m.role as Role })),
    session: { id: session.sessionId.slice(0, 16), idleExpiresAt: session.idleExpiresAt.toISOString(), absoluteExpiresAt: session.absoluteExpiresAt.toISOString() },
  };
}
