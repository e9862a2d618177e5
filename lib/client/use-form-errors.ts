'use client';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';
import { deriveFormErrors, placeApiIssues, type FieldLabels, type FormErrorState } from './form-errors';

export type { FieldError, FieldLabels } from './form-errors';

const UNEXPECTED = 'Something unexpected went wrong. Try again.';

/**
 * Errors of a form, derived on every render from what is on screen (lib/client/form-errors.ts):
 * - `validate()` on submit parses `value` with the form's schema and shows **every** problem at once
 *   (cross-field checks belong in the schema, with zod's `when` so they run beside other failures);
 * - after a failed submit an error disappears as soon as its field becomes valid;
 * - a refusal from the API is shown on its field until that field's value changes;
 * - `general` holds only what no field on screen shows, so no message appears twice;
 * - `summary` lists the field errors with their labels, for a save bar far from the fields.
 */
export function useFormErrors<S extends z.ZodType>(schema: S, value: unknown, labels: FieldLabels) {
  const [state, setState] = useState<FormErrorState>({ attempted: false, server: {}, general: null });
  const derived = deriveFormErrors(schema, value, labels, state);

  /** The parsed input, or null after showing every problem. Forgets the previous server answer. */
  function validate(): z.output<S> | null {
    const parsed = schema.safeParse(value);
    // Live re-checking starts with a failed submit (not while someone types into an empty form).
    setState({ attempted: !parsed.success, server: {}, general: null });
    return parsed.success ? parsed.data : null;
  }

  function fromError(error: unknown): void {
    const placed = error instanceof ApiError ? placeApiIssues(error.message, error.issues, value, labels) : { server: {}, general: UNEXPECTED };
    setState((s) => ({ ...s, ...placed }));
  }

  return {
    ...derived,
    validate,
    fromError,
    clear: () => setState({ attempted: false, server: {}, general: null }),
  };
}
