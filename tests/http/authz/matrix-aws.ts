// Matrix rows for the aws routes (see matrix-org.ts for the shape of a row).
import type { Entry } from './entry';

export const AWS_MATRIX: Record<string, Entry> = {};
