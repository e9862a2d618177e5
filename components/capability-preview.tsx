import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';

/** Page for a capability whose tools are not available in this version yet: what it will do, and what to prepare. */
export function CapabilityPreview({ title, description, steps, prepare }: { title: string; description: string; steps: ReactNode[]; prepare: { href: string; label: string } }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <CardBody className="space-y-4">
          <Badge tone="amber">Not available in this version yet</Badge>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            {steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
          <p className="text-sm text-slate-700">
            Meanwhile:{' '}
            <Link href={prepare.href} className="font-medium text-brand-700 hover:underline">
              {prepare.label}
            </Link>
          </p>
        </CardBody>
      </Card>
    </>
  );
}
