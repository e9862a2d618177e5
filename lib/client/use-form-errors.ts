'use client';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';

/**
 * Field errors for a form: from the shared zod schema before submitting, and from the API's
 * `issues` after. `general` holds a message that belongs to no single field.
 */
export function useFormErrors() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      setFields({});
      setGeneral(null);
      return parsed.data;
    }
    const next: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      next[key] ??= issue.message;
    }
    setFields(next);
    return null;
  }

  function fromError(error: unknown) {
    if (error instanceof ApiError && error.issues.length > 0) {
      const next: Record<string, string> = {};
      for (const issue of error.issues) next[issue.path] ??= issue.message;
      setFields(next);
      setGeneral(error.message);
    } else setGeneral(error instanceof ApiError ? error.message : 'Something unexpected went wrong. Try again.');
  }

  return { fields, general, validate, fromError, setGeneral, clear: () => (setFields({}), setGeneral(null)) };
}
