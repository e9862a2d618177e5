'use client';
import type { ReactNode } from 'react';
import { Tabs } from '@/components/ui/tabs';

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
