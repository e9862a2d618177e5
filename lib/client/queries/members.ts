import { queryOptions } from '@tanstack/react-query';
import { ZPage } from '@/lib/schemas/common';
import { ZInvitation, ZMember } from '@/lib/schemas/members';
import { api } from '../api';
import { keys } from './keys';

export const membersQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.members(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/members?limit=200`, ZPage(ZMember), { signal }) });

export const invitationsQuery = (orgId: string) =>
  queryOptions({ queryKey: keys.invitations(orgId), queryFn: ({ signal }) => api(`/api/v1/orgs/${orgId}/invitations`, ZPage(ZInvitation), { signal }) });
