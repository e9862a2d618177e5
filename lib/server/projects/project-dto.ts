import 'server-only';
import type { TProject } from '@/lib/schemas/projects';

export interface ProjectRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  _count?: { environments: number };
}

export function toProjectDto(p: ProjectRow): TProject {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    environmentCount: p._count?.environments ?? 0,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function projectSnapshot(p: ProjectRow) {
  return { id: p.id, slug: p.slug, name: p.name, version: p.version };
}
