'use client';
import { useState, type ChangeEvent } from 'react';

/** The text fields of a form as state, so its errors can follow what is typed (useFormErrors). */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const bind = (key: keyof T & string) => ({
    name: key,
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: event.target.value })),
  });
  return { values, bind };
}
