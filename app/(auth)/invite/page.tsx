import type { Metadata } from 'next';
import { AcceptInvitation } from '../_components/accept-invitation';

export const metadata: Metadata = { title: 'Accept invitation' };

export default function InvitePage() {
  return <AcceptInvitation />;
}
