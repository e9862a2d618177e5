import 'server-only';
import { AppError } from '../errors';

/** Nothing effective for an environment: a 404 that says what to set up (for the dashboard, or for a workload). */
export const noCredential = (reader: 'admin' | 'workload') =>
  new AppError(
    404,
    'no_credential',
    reader === 'admin'
      ? 'No AWS role applies to this environment: create an organization credential or one for its project (POST …/credentials), or set an override for this environment (PUT …/override).'
      : 'No AWS role applies to this environment: ask an admin to create a deployment credential for its organization or project, or an override for this environment, in Trustbridge — or pass --role-arn (or TRUSTBRIDGE_AWS_ROLE_ARN).',
  );
