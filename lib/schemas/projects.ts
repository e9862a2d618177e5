import { z } from 'zod';
import { ZId, ZName, ZSlug, ZStage, ZVersion } from './common';

export const ZCreateProject = z.object({ name: ZName, slug: ZSlug });
export type TCreateProject = z.infer<typeof ZCreateProject>;
export const ZUpdateProject = z.object({ name: ZName, version: ZVersion });

export const ZProject = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  environmentCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TProject = z.infer<typeof ZProject>;
export const ZProjectParams = z.object({ orgId: ZId, projectId: ZId });

export const ZCreateEnvironment = z.object({ projectId: ZId, name: ZName, slug: ZSlug, stage: ZStage });
export type TCreateEnvironment = z.infer<typeof ZCreateEnvironment>;
export const ZUpdateEnvironment = z.object({ name: ZName, stage: ZStage, version: ZVersion });

export const ZEnvironment = z.object({
  id: ZId,
  projectId: ZId,
  projectSlug: z.string(),
  projectName: z.string(),
  slug: z.string(),
  name: z.string(),
  stage: ZStage,
  activeTokenCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TEnvironment = z.infer<typeof ZEnvironment>;
export const ZEnvironmentParams = z.object({ orgId: ZId, envId: ZId });
export const ZEnvironmentListQuery = z.object({ projectId: ZId.optional(), stage: ZStage.optional() });
