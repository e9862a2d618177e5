import 'server-only';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam';
import { isAppErrorFromAws } from './aws-error-kind';
import type { AwsSession } from './aws-session';

// The IAM OIDC provider calls Trustbridge makes. A provider that does not exist is `null` /
// 'absent', never an error: callers decide what absence means.

export interface OidcProviderInAws {
  /** As IAM returns it: without https://. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  tags: Array<{ key: string; value: string }>;
}

export async function getOidcProvider(session: AwsSession, arn: string): Promise<OidcProviderInAws | null> {
  try {
    const r = await session.run('iam:GetOpenIDConnectProvider', arn, () => session.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
    return {
      url: r.Url ?? '',
      clientIds: r.ClientIDList ?? [],
      thumbprints: r.ThumbprintList ?? [],
      tags: (r.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    };
  } catch (error) {
    if (isAppErrorFromAws(error, 'NoSuchEntity')) return null;
    throw error;
  }
}

export async function createOidcProvider(
  session: AwsSession,
  input: { arn: string; url: string; clientIds: readonly string[]; thumbprints: readonly string[]; tags: ReadonlyArray<{ Key: string; Value: string }> },
): Promise<'created' | 'exists'> {
  try {
    await session.run('iam:CreateOpenIDConnectProvider', input.arn, () =>
      session.iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: input.url,
          ClientIDList: [...input.clientIds],
          ...(input.thumbprints.length > 0 ? { ThumbprintList: [...input.thumbprints] } : {}),
          Tags: input.tags.map((t) => ({ ...t })),
        }),
      ),
    );
    return 'created';
  } catch (error) {
    if (isAppErrorFromAws(error, 'EntityAlreadyExists')) return 'exists';
    throw error;
  }
}

export async function addClientId(session: AwsSession, arn: string, clientId: string): Promise<void> {
  await session.run('iam:AddClientIDToOpenIDConnectProvider', arn, () => session.iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: clientId })));
}

export async function removeClientId(session: AwsSession, arn: string, clientId: string): Promise<void> {
  await session.run('iam:RemoveClientIDFromOpenIDConnectProvider', arn, () => session.iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: clientId })));
}

export async function updateThumbprints(session: AwsSession, arn: string, thumbprints: readonly string[]): Promise<void> {
  await session.run('iam:UpdateOpenIDConnectProviderThumbprint', arn, () => session.iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [...thumbprints] })));
}

export async function deleteOidcProvider(session: AwsSession, arn: string): Promise<'deleted' | 'absent'> {
  try {
    await session.run('iam:DeleteOpenIDConnectProvider', arn, () => session.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
    return 'deleted';
  } catch (error) {
    if (isAppErrorFromAws(error, 'NoSuchEntity')) return 'absent';
    throw error;
  }
}
