import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/app-shell/sign-out-button';
import { Logo } from '@/components/ui/icons';
import { requirePageUser } from '@/lib/server/auth/page-access';
import { listOrganizations } from '@/lib/server/organizations/list-organizations';
import { CreateOrganizationForm } from './create-organization-form';

export const metadata: Metadata = { title: 'New organization' };

export default async function NewOrganizationPage() {
  const user = await requirePageUser('/orgs/new');
  const existing = await listOrganizations(user.user.id, { limit: 1 });
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-8 flex items-center justify-center gap-3">
          <Logo className="size-9" />
          <span className="text-2xl font-semibold tracking-tight">Trustbridge</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{existing.items.length === 0 ? `Welcome, ${user.user.name}` : 'New organization'}</h1>
          <p className="mt-1 text-sm text-slate-600">
            An organization is a tenant with its own OpenID Connect issuer and signing keys. AWS roles that trust one organization can never be assumed with another&apos;s tokens.
          </p>
          <CreateOrganizationForm />
        </div>
        <div className="mt-6 flex items-center justify-center gap-4 text-sm">
          {existing.items[0] ? (
            <Link href={`/orgs/${existing.items[0].id}`} className="font-medium text-brand-700 hover:underline">
              Back to {existing.items[0].name}
            </Link>
          ) : null}
          <span className="text-slate-500">Signed in as {user.user.email}</span>
          <div className="w-auto">
            <SignOutButton />
          </div>
        </div>
      </div>
    </main>
  );
}
