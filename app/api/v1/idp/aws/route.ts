import { requireEnvironment } from '@/lib/server/auth/require-environment';
import { environmentAwsCredential } from '@/lib/server/effective-credentials/environment-aws-credential';
import { apiRoute } from '@/lib/server/http/api-route';
import { json } from '@/lib/server/http/respond';

// The calling environment's effective AWS credential (what `trustbridge idp login aws` uses).
// Authenticated by the environment token only; it names its own environment, never another.
export const GET = apiRoute(async (request) => json(await environmentAwsCredential(await requireEnvironment(request))));
