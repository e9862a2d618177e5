// Matrix rows for the credentials routes (see matrix-org.ts for the shape of a row).
import type { Entry } from './entry';

export const CREDENTIALS_MATRIX: Record<string, Entry> = {};
