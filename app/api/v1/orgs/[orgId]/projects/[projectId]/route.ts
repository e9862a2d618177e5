import { ZProjectParams, ZUpdateProject } from '@/lib/schemas/projects';
import { apiRoute } from '@/lib/server/http/api-route';
import { requireOrgPermission } from '@/lib/server/http/org-guard';
import { readJson, readParams } from '@/lib/server/http/read-input';
import { json, noContent } from '@/lib/server/http/respond';
import { deleteProject } from '@/lib/server/projects/delete-project';
import { getProject } from '@/lib/server/projects/list-projects';
import { renameProject } from '@/lib/server/projects/rename-project';

type Params = { orgId: string; projectId: string };

export const GET = apiRoute<Params>(async (request, { params }) => {
  const { orgId, projectId } = await readParams(params, ZProjectParams, 'project');
  return json(await getProject(await requireOrgPermission(request, orgId, 'project.read'), projectId));
});

export const PATCH = apiRoute<Params>(async (request, { params }) => {
  const { orgId, projectId } = await readParams(params, ZProjectParams, 'project');
  const access = await requireOrgPermission(request, orgId, 'project.manage');
  return json(await renameProject(access, projectId, await readJson(request, ZUpdateProject)));
});

export const DELETE = apiRoute<Params>(async (request, { params }) => {
  const { orgId, projectId } = await readParams(params, ZProjectParams, 'project');
  await deleteProject(await requireOrgPermission(request, orgId, 'project.manage'), projectId);
  return noContent();
});
