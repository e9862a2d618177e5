import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { needsSetup } from '@/lib/server/setup/complete-setup';
import { SetupForm } from '../_components/setup-form';

export const metadata: Metadata = { title: 'First-run setup' };

export default async function SetupPage() {
  if (!(await needsSetup())) redirect('/sign-in');
  return <SetupForm />;
}
