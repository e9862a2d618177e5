'use client';
import { useEffect, useState } from 'react';
import { z } from 'zod';

// "Open in the builder" from the claim inspector: the proposed policy (never the token) travels in
// sessionStorage — not in the URL, which would put a whole policy in history and logs — for one
// page load of the builder of the same organization (and the same saved policy, if one was named).
// The builder takes it once and removes it.

const KEY = 'trustbridge.builder-prefill';
const MAX_AGE_MS = 10 * 60 * 1000;

const ZPrefill = z.object({ orgId: z.string(), policyId: z.string().nullable(), policy: z.record(z.string(), z.unknown()), savedAt: z.number() });

export function savePrefill(orgId: string, policyId: string | null, policy: Record<string, unknown>): void {
  sessionStorage.setItem(KEY, JSON.stringify({ orgId, policyId, policy, savedAt: Date.now() }));
}

function readPrefill(orgId: string, policyId: string | null): Record<string, unknown> | null {
  try {
    const parsed = ZPrefill.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    if (!parsed.success) return null;
    const p = parsed.data;
    return p.orgId === orgId && p.policyId === policyId && Date.now() - p.savedAt < MAX_AGE_MS ? p.policy : null;
  } catch {
    return null;
  }
}

/** The policy the inspector handed over for this builder page, taken once (null when there is none). */
export function useBuilderPrefill(orgId: string, policyId: string | null, enabled: boolean): Record<string, unknown> | null {
  const [policy] = useState(() => (enabled && typeof window !== 'undefined' ? readPrefill(orgId, policyId) : null));
  useEffect(() => {
    if (enabled) sessionStorage.removeItem(KEY);
  }, [enabled]);
  return policy;
}
