import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSignedInUser } from '@/lib/server/auth/current-user';
import { needsSetup } from '@/lib/server/setup/complete-setup';
import { SignInForm } from '../_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await needsSetup()) redirect('/setup');
  if (await getSignedInUser()) redirect('/');
  const { next } = await searchParams;
  return <SignInForm {...(next ? { next } : {})} />;
}
