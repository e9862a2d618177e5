import 'server-only';
import type { TStage } from '@/lib/schemas/common';
import type { TEnvironment } from '@/lib/schemas/projects';
import type { Prisma } from '../db/generated/sqlite/client';

export const environmentInclude = (now: Date) =>
  ({
    project: { select: { slug: true, name: true } },
    _count: { select: { tokens: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } } },
  }) satisfies Prisma.EnvironmentInclude;

export interface EnvironmentRow {
  id: string;
  projectId: string;
  slug: string;
  name: string;
  stage: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  project: { slug: string; name: string };
  _count?: { tokens: number };
}

export function toEnvironmentDto(e: EnvironmentRow): TEnvironment {
  return {
    id: e.id,
    projectId: e.projectId,
    projectSlug: e.project.slug,
    projectName: e.project.name,
    slug: e.slug,
    name: e.name,
    stage: e.stage as TStage,
    activeTokenCount: e._count?.tokens ?? 0,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

export function environmentSnapshot(e: { id: string; slug: string; name: string; stage: string; projectId: string; version: number }) {
  return { id: e.id, slug: e.slug, name: e.name, stage: e.stage, projectId: e.projectId, version: e.version };
}
