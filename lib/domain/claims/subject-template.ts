// The `sub` claim is the only place where AWS trust policies can filter on which environment is
// calling (AWS exposes just `sub`, `aud`, `amr`, `azp` of a custom issuer, plus session tags).
// Rules (PRODUCT.md, "Subject"):
// - the subject is `label:value` pairs joined by `:`; the organization pair always comes first;
// - admins choose which further fields appear and in which order, from SUBJECT_FIELDS;
// - values escape `%` as `%25` and `:` as `%3A`, so a `:` in a subject is always a separator and a
//   trust policy can anchor on `org:<id>:` without a value being able to forge a label.

export const SUBJECT_FIELDS = ['org', 'project', 'environment', 'stage', 'project_id', 'environment_id'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

/** Ordered field list; `org` first, no duplicates. */
export type SubjectTemplate = readonly SubjectField[];

export const DEFAULT_SUBJECT_TEMPLATE: SubjectTemplate = ['org', 'project', 'environment'];

export interface SubjectValues {
  orgId: string;
  projectId: string;
  projectSlug: string;
  environmentId: string;
  environmentSlug: string;
  stage: string;
}

export type SubjectTemplateError =
  | { code: 'subject_template_empty' }
  | { code: 'subject_template_org_not_first' }
  | { code: 'subject_template_unknown_field'; field: string }
  | { code: 'subject_template_duplicate_field'; field: string };

/** Validates an untrusted field list; returns the template or the first rule it breaks. */
export function checkSubjectTemplate(fields: readonly string[]): { ok: true; template: SubjectTemplate } | { ok: false; error: SubjectTemplateError } {
  if (fields.length === 0) return { ok: false, error: { code: 'subject_template_empty' } };
  const seen = new Set<string>();
  for (const field of fields) {
    if (!(SUBJECT_FIELDS as readonly string[]).includes(field)) return { ok: false, error: { code: 'subject_template_unknown_field', field } };
    if (seen.has(field)) return { ok: false, error: { code: 'subject_template_duplicate_field', field } };
    seen.add(field);
  }
  if (fields[0] !== 'org') return { ok: false, error: { code: 'subject_template_org_not_first' } };
  return { ok: true, template: fields as SubjectTemplate };
}

export function escapeSubjectValue(value: string): string {
  return value.replace(/%/g, '%25').replace(/:/g, '%3A');
}

export function unescapeSubjectValue(value: string): string {
  return value.replace(/%3A/gi, ':').replace(/%25/g, '%');
}

function valueOf(field: SubjectField, values: SubjectValues): string {
  switch (field) {
    case 'org':
      return values.orgId;
    case 'project':
      return values.projectSlug;
    case 'environment':
      return values.environmentSlug;
    case 'stage':
      return values.stage;
    case 'project_id':
      return values.projectId;
    case 'environment_id':
      return values.environmentId;
  }
}

export function renderSubject(template: SubjectTemplate, values: SubjectValues): string {
  return template.map((field) => `${field}:${escapeSubjectValue(valueOf(field, values))}`).join(':');
}

/** Splits a subject rendered with `template` back into its values; null when it does not fit the template. */
export function parseSubject(template: SubjectTemplate, subject: string): Partial<Record<SubjectField, string>> | null {
  const parts = subject.split(':');
  if (parts.length !== template.length * 2) return null;
  const out: Partial<Record<SubjectField, string>> = {};
  for (let i = 0; i < template.length; i++) {
    const field = template[i];
    const label = parts[i * 2];
    const value = parts[i * 2 + 1];
    if (field === undefined || label !== field || value === undefined) return null;
    out[field] = unescapeSubjectValue(value);
  }
  return out;
}
