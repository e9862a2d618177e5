import { z } from 'zod';

// Runs before any other client code (Next's instrumentation-client hook). Zod 4 probes for
// `new Function` the first time it builds an object schema, to compile faster parsers; under our
// CSP (no 'unsafe-eval') that probe is a CSP violation on every page that loads a form. Jitless
// mode skips the probe; it must be set before the first schema is built, hence here.
z.config({ jitless: true });
