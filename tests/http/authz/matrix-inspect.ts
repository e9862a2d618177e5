// Matrix rows for the inspect routes (see matrix-org.ts for the shape of a row).
import type { Entry } from './entry';

export const INSPECT_MATRIX: Record<string, Entry> = {};
