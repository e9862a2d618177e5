import { Badge } from '@/components/ui/badge';
import type { TEffectiveCredentialRow } from '@/lib/schemas/credentials';

type Source = NonNullable<TEffectiveCredentialRow['effective']>['source'];

const LOOK: Record<Source | 'none', { tone: 'violet' | 'blue' | 'green' | 'amber'; label: string }> = {
  environment: { tone: 'violet', label: 'environment' },
  project: { tone: 'blue', label: 'project' },
  organization: { tone: 'green', label: 'organization' },
  none: { tone: 'amber', label: 'none' },
};

/** Where an environment's role comes from: its override, its project's credential, the organization's, or nothing. */
export function SourceBadge({ source }: { source: Source | null }) {
  const look = LOOK[source ?? 'none'];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export const SOURCE_LABELS: Record<Source | 'none', string> = {
  environment: 'Environment override',
  project: 'Project credential',
  organization: 'Organization credential',
  none: 'None',
};
