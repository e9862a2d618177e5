import { redirect } from 'next/navigation';
import { getSignedInUser } from '@/lib/server/auth/current-user';
import { listOrganizations } from '@/lib/server/organizations/list-organizations';
import { needsSetup } from '@/lib/server/setup/complete-setup';

/** Entry: setup → sign in → first organization → create one. */
export default async function Home() {
  const user = await getSignedInUser();
  if (!user) redirect((await needsSetup()) ? '/setup' : '/sign-in');
  const orgs = await listOrganizations(user.user.id, { limit: 1 });
  const first = orgs.items[0];
  redirect(first ? `/orgs/${first.id}` : '/orgs/new');
}
