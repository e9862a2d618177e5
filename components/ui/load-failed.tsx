import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/client/api';

/** A query that failed: what, why, and a way to try again. */
export function LoadFailed({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  return (
    <Alert tone="error" title={`${what} could not be loaded`}>
      <p>{errorMessage(error)}</p>
      <Button size="sm" variant="secondary" className="mt-2" onClick={retry}>
        Try again
      </Button>
    </Alert>
  );
}
