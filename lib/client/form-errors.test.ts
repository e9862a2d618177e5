import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deriveFormErrors, fieldOf, placeApiIssues, type FormErrorState } from './form-errors';

const Form = z
  .object({ name: z.string().trim().min(1, 'Enter a name.'), accountId: z.string().regex(/^\d{12}$/, 'Enter the 12-digit AWS account id.'), password: z.string().min(12, 'Too short.'), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.', when: (p) => typeof (p.value as { confirm?: unknown }).confirm === 'string' });
const labels = { name: 'Name', accountId: 'AWS account ID', password: 'Password', confirm: 'Confirm password' };
const empty = { name: '', accountId: '', password: 'short', confirm: 'other' };
const fresh: FormErrorState = { attempted: false, server: {}, general: null };
const submitted: FormErrorState = { attempted: true, server: {}, general: null };

describe('deriveFormErrors', () => {
  it('shows nothing before a submit', () => {
    expect(deriveFormErrors(Form, empty, labels, fresh)).toEqual({ fields: {}, general: null, summary: [] });
  });

  it('a failed submit names every bad field at once, cross-field checks included, in form order', () => {
    const { fields, summary, general } = deriveFormErrors(Form, empty, labels, submitted);
    expect(fields).toEqual({ name: 'Enter a name.', accountId: 'Enter the 12-digit AWS account id.', password: 'Too short.', confirm: 'The two passwords do not match.' });
    expect(summary.map((s) => s.label)).toEqual(['Name', 'AWS account ID', 'Password', 'Confirm password']);
    expect(general).toBeNull();
  });

  it('an error disappears as soon as its field becomes valid', () => {
    const { fields, summary } = deriveFormErrors(Form, { ...empty, name: 'deploy' }, labels, submitted);
    expect(fields.name).toBeUndefined();
    expect(summary.map((s) => s.field)).toEqual(['accountId', 'password', 'confirm']);
    expect(deriveFormErrors(Form, { name: 'deploy', accountId: '123456789012', password: 'long enough pw', confirm: 'long enough pw' }, labels, submitted)).toEqual({ fields: {}, general: null, summary: [] });
  });

  it('a server refusal stays on its field while the field holds the refused value', () => {
    const value = { name: 'taken', accountId: '123456789012', password: 'long enough pw', confirm: 'long enough pw' };
    const state = { ...fresh, ...placeApiIssues('A policy named "taken" already exists.', [{ path: 'name', message: 'A policy named "taken" already exists.' }], value, labels) };
    expect(deriveFormErrors(Form, value, labels, state)).toEqual({ fields: { name: 'A policy named "taken" already exists.' }, general: null, summary: [{ field: 'name', label: 'Name', message: 'A policy named "taken" already exists.' }] });
    expect(deriveFormErrors(Form, { ...value, name: 'free' }, labels, state).fields).toEqual({});
  });

  it('issues without a field on screen go to the general message (nested paths find their field)', () => {
    expect(fieldOf('accountId.0', labels)).toBe('accountId');
    expect(fieldOf('version', labels)).toBeNull();
    expect(placeApiIssues('Some fields are missing or invalid.', [{ path: 'version', message: 'Required.' }, { path: 'name', message: 'Too long.' }], empty, labels)).toEqual({
      server: { name: { message: 'Too long.', value: '""' } },
      general: 'Some fields are missing or invalid. version: Required.',
    });
    expect(placeApiIssues('The environment was changed by someone else.', [], empty, labels)).toEqual({ server: {}, general: 'The environment was changed by someone else.' });
  });
});
