'use client';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Tabs } from '@/components/ui/tabs';
import type { PermissionTarget } from '@/lib/domain/aws/required-permissions';
import { AwsActionForm } from './aws-action';
import type { AwsCredentials } from './aws-credentials';

export type Way = 'trustbridge' | 'yourself';
const WAYS = [
  { id: 'trustbridge', label: 'Trustbridge does it' },
  { id: 'yourself', label: "I'll do it myself" },
] as const;

/** Every step can be done by Trustbridge through the IAM API or by hand from generated text. */
export function TwoWays({ label, way, onWay, trustbridge, yourself }: { label: string; way: Way; onWay: (way: Way) => void; trustbridge: ReactNode; yourself: ReactNode }) {
  return (
    <Tabs label={label} tabs={WAYS} selected={way} onSelect={onWay}>
      {way === 'trustbridge' ? trustbridge : yourself}
    </Tabs>
  );
}

/** A new provider or role: Trustbridge creates it in AWS, or records it and writes out the steps (the record's exports). */
export function CreateWays({ noun, way, onWay, credentials, target, errorLabels, create, record }: {
  noun: 'provider' | 'role';
  way: Way;
  onWay: (way: Way) => void;
  credentials: AwsCredentials;
  target: PermissionTarget;
  errorLabels: Readonly<Record<string, string>>;
  create: { pending: boolean; error: unknown; run: () => void };
  record: { pending: boolean; run: () => void };
}) {
  return (
    <TwoWays
      label={`How to create the ${noun}`}
      way={way}
      onWay={onWay}
      trustbridge={
        <AwsActionForm
          credentials={credentials}
          operations={[`${noun}.apply`]}
          target={target}
          submitLabel={`Create the ${noun} in AWS`}
          pending={create.pending}
          error={create.error}
          errorLabels={errorLabels}
          onSubmit={create.run}
        />
      }
      yourself={
        <div className="space-y-3">
          <p className="text-sm text-slate-700">Trustbridge records the {noun} and writes it out as console steps, an AWS CLI script, CloudFormation and Terraform. Verify it afterwards.</p>
          <Button loading={record.pending} onClick={record.run}>
            Record it and show the steps
          </Button>
        </div>
      }
    />
  );
}
