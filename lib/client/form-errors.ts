import type { z } from 'zod';
import type { FieldIssue } from './api';

// What a form shows as errors, derived from its current value (pure; `useFormErrors` keeps the state).

/** The fields a form shows, by the path zod and the API use for them, with the label a person sees. */
export type FieldLabels = Readonly<Record<string, string>>;

export interface FieldError {
  field: string;
  label: string;
  message: string;
}

/** A refusal from the server for one field, and the value that field had when it was refused. */
export interface ServerIssue {
  message: string;
  value: string;
}

export interface FormErrorState {
  /** A submit was tried: the schema is checked on every render from then on. */
  attempted: boolean;
  server: Readonly<Record<string, ServerIssue>>;
  general: string | null;
}

export interface FormErrors {
  /** The message of each field that has one, by field path. */
  fields: Record<string, string>;
  /** Only what no field on screen can show; null when the fields say everything. */
  general: string | null;
  /** Every field error, in the order of `labels`. */
  summary: FieldError[];
}

/** The labelled field a path belongs to: the field itself or its closest labelled parent. */
export function fieldOf(path: string, labels: FieldLabels): string | null {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (Object.hasOwn(labels, p)) return p;
  return null;
}

/** The value of a field, comparable across renders. */
export function snapshot(value: unknown, field: string): string {
  let at: unknown = value;
  for (const part of field.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return JSON.stringify(at) ?? 'undefined';
}

export function deriveFormErrors(schema: z.ZodType, value: unknown, labels: FieldLabels, state: FormErrorState): FormErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  if (state.attempted) {
    const parsed = schema.safeParse(value);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'), labels);
      if (field) fields[field] ??= issue.message;
      else unplaced.push(issue.message);
    }
  }
  // A server refusal stands while the field still holds the value it refused.
  for (const [field, issue] of Object.entries(state.server)) if (snapshot(value, field) === issue.value) fields[field] ??= issue.message;
  const summary = Object.entries(labels).flatMap(([field, label]) => (fields[field] ? [{ field, label, message: fields[field] }] : []));
  const general = [state.general, ...unplaced].filter((m): m is string => Boolean(m)).join(' ') || null;
  return { fields, general, summary };
}

/** An API refusal: issues on fields go to those fields; the message only when some issue has no field. */
export function placeApiIssues(message: string, issues: readonly FieldIssue[], value: unknown, labels: FieldLabels): Pick<FormErrorState, 'server' | 'general'> {
  const server: Record<string, ServerIssue> = {};
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path, labels);
    if (field) server[field] ??= { message: issue.message, value: snapshot(value, field) };
    else elsewhere.push(issue.path && issue.path !== '(body)' ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { server, general: issues.length > 0 && elsewhere.length === 0 ? null : [message, ...elsewhere].join(' ') };
}
