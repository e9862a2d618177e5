import { ZPageQuery } from '@/lib/schemas/common';
import { ZOrgParams } from '@/lib/schemas/organizations';
import { ZCreateProject } from '@/lib/schemas/projects';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams, readQuery } from '@/lib/server/http/read-input';
import { json } from '@/lib/server/http/respond';
import { createProject } from '@/lib/server/projects/create-project';
import { listProjects } from '@/lib/server/projects/list-projects';

export const GET = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'project.read');
  return json(await listProjects(access, readQuery(request.nextUrl, ZPageQuery)));
});

export const POST = apiRoute<{ orgId: string }>(async (request, { params }) => {
  const { orgId } = await readParams(params, ZOrgParams, 'organization');
  const access = await requireOrgPermission(request, orgId, 'project.manage');
  return json(await createProject(access, await readJson(request, ZCreateProject)), 201);
});
