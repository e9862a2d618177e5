import { z } from 'zod';
import { ZId, ZName, ZRole, ZSlug, ZVersion } from './common';

export const ZCreateOrganization = z.object({ name: ZName, slug: ZSlug });
export type TCreateOrganization = z.infer<typeof ZCreateOrganization>;

export const ZUpdateOrganization = z.object({ name: ZName, version: ZVersion });

export const ZOrganization = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  issuer: z.string(),
  role: ZRole,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZOrgParams = z.object({ orgId: ZId });
