import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSubjectTemplate,
  DEFAULT_SUBJECT_TEMPLATE,
  escapeSubjectValue,
  parseSubject,
  renderSubject,
  SUBJECT_FIELDS,
  unescapeSubjectValue,
  type SubjectField,
  type SubjectTemplate,
  type SubjectValues,
} from './subject-template';

const VALUES: SubjectValues = {
  orgId: '01m8474fmb8q3dvcafhgt5c8g9',
  projectId: '01m8474fmb8q3dvcafhgt5c8ga',
  projectSlug: 'web-shop',
  environmentId: '01m8474fmb8q3dvcafhgt5c8gb',
  environmentSlug: 'production',
  stage: 'production',
};

describe('escapeSubjectValue / unescapeSubjectValue', () => {
  it.each([
    ['plain', 'plain'],
    ['a:b', 'a%3Ab'],
    ['100%', '100%25'],
    ['%3A', '%253A'],
    ['%25', '%2525'],
    [':%:', '%3A%25%3A'],
    ['::', '%3A%3A'],
    ['', ''],
    ['*?$', '*?$'],
  ])('%j ⇄ %j', (raw, escaped) => {
    expect(escapeSubjectValue(raw)).toBe(escaped);
    expect(unescapeSubjectValue(escaped)).toBe(raw);
  });

  it('escaped values never contain a separator, and every % starts an escape', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', '%', '3', 'A', '2', '5', 'é') }), (value) => {
        const escaped = escapeSubjectValue(value);
        expect(escaped).not.toContain(':');
        expect(escaped.replace(/%25|%3A/g, '')).not.toContain('%');
        expect(unescapeSubjectValue(escaped)).toBe(value);
      }),
    );
  });
});

describe('renderSubject', () => {
  it('the default is org:<id>:project:<slug>:environment:<slug>', () => {
    expect(DEFAULT_SUBJECT_TEMPLATE).toEqual(['org', 'project', 'environment']);
    expect(renderSubject(DEFAULT_SUBJECT_TEMPLATE, VALUES)).toBe('org:01m8474fmb8q3dvcafhgt5c8g9:project:web-shop:environment:production');
  });

  it.each([
    [['org'], 'org:01m8474fmb8q3dvcafhgt5c8g9'],
    [['org', 'stage'], 'org:01m8474fmb8q3dvcafhgt5c8g9:stage:production'],
    [['org', 'environment_id', 'project_id'], 'org:01m8474fmb8q3dvcafhgt5c8g9:environment_id:01m8474fmb8q3dvcafhgt5c8gb:project_id:01m8474fmb8q3dvcafhgt5c8ga'],
    [['org', 'environment', 'project'], 'org:01m8474fmb8q3dvcafhgt5c8g9:environment:production:project:web-shop'],
  ] as [SubjectTemplate, string][])('%j → %s', (template, subject) => {
    expect(renderSubject(template, VALUES)).toBe(subject);
  });

  it('escapes values, so a value cannot forge a label', () => {
    expect(renderSubject(['org', 'project'], { ...VALUES, projectSlug: 'x:environment:prod' })).toBe('org:01m8474fmb8q3dvcafhgt5c8g9:project:x%3Aenvironment%3Aprod');
  });
});

const arbValues = fc.record({
  orgId: fc.string(),
  projectId: fc.string(),
  projectSlug: fc.string(),
  environmentId: fc.string(),
  environmentSlug: fc.string(),
  stage: fc.string(),
});
const arbTemplate: fc.Arbitrary<SubjectTemplate> = fc
  .shuffledSubarray(SUBJECT_FIELDS.filter((f) => f !== 'org'))
  .map((rest) => ['org', ...rest] as SubjectField[]);

describe('parseSubject', () => {
  it('round trip: parse(render(values)) gives back every value of the template (property)', () => {
    fc.assert(
      fc.property(arbTemplate, arbValues, (template, values) => {
        const subject = renderSubject(template, values);
        const parsed = parseSubject(template, subject);
        const byField: Record<SubjectField, string> = {
          org: values.orgId,
          project: values.projectSlug,
          environment: values.environmentSlug,
          stage: values.stage,
          project_id: values.projectId,
          environment_id: values.environmentId,
        };
        expect(parsed).toEqual(Object.fromEntries(template.map((f) => [f, byField[f]])));
      }),
      { numRuns: 500 },
    );
  });

  it('the organization always comes first: every subject starts with org:<escaped id> (property)', () => {
    fc.assert(
      fc.property(arbTemplate, arbValues, (template, values) => {
        const subject = renderSubject(template, values);
        expect(subject.startsWith(`org:${escapeSubjectValue(values.orgId)}`)).toBe(true);
        expect(subject.split(':')).toHaveLength(template.length * 2);
      }),
    );
  });

  it.each([
    ['org:a:project:b', ['org', 'project', 'environment'], null],
    ['org:a:project:b:environment:c:stage:d', ['org', 'project', 'environment'], null],
    ['org:a:environment:c:project:b', ['org', 'project', 'environment'], null],
    ['org:a:project:b:environment', ['org', 'project', 'environment'], null],
    ['project:b:org:a', ['org', 'project'], null],
    ['ORG:a:project:b', ['org', 'project'], null],
    ['', ['org'], null],
    ['org:a%3Ab:project:x%25y', ['org', 'project'], { org: 'a:b', project: 'x%y' }],
    ['org::project:', ['org', 'project'], { org: '', project: '' }],
  ] as [string, SubjectTemplate, Record<string, string> | null][])('%j with %j → %j', (subject, template, expected) => {
    expect(parseSubject(template, subject)).toEqual(expected);
  });
});

describe('checkSubjectTemplate', () => {
  it.each([
    [['org'], ['org']],
    [['org', 'project', 'environment'], ['org', 'project', 'environment']],
    [[...SUBJECT_FIELDS], [...SUBJECT_FIELDS]],
    [['org', 'environment_id', 'stage'], ['org', 'environment_id', 'stage']],
  ])('%j is valid', (fields, template) => {
    expect(checkSubjectTemplate(fields)).toEqual({ ok: true, template });
  });

  it.each([
    [[], { code: 'subject_template_empty' }],
    [['project'], { code: 'subject_template_org_not_first' }],
    [['project', 'org'], { code: 'subject_template_org_not_first' }],
    [['stage', 'org', 'environment'], { code: 'subject_template_org_not_first' }],
    [['org', 'team'], { code: 'subject_template_unknown_field', field: 'team' }],
    [['ORG'], { code: 'subject_template_unknown_field', field: 'ORG' }],
    [['org', ''], { code: 'subject_template_unknown_field', field: '' }],
    [['org', 'org'], { code: 'subject_template_duplicate_field', field: 'org' }],
    [['org', 'project', 'project'], { code: 'subject_template_duplicate_field', field: 'project' }],
    // The first broken rule in reading order wins: an unknown field before the org check.
    [['team', 'org'], { code: 'subject_template_unknown_field', field: 'team' }],
    [['project', 'project'], { code: 'subject_template_duplicate_field', field: 'project' }],
  ])('%j → %j', (fields, error) => {
    expect(checkSubjectTemplate(fields)).toEqual({ ok: false, error });
  });

  it('accepts exactly the templates that start with org and use known fields once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SUBJECT_FIELDS, 'team', 'ORG')), (fields) => {
        const valid = fields.length > 0 && fields[0] === 'org' && new Set(fields).size === fields.length && fields.every((f) => (SUBJECT_FIELDS as readonly string[]).includes(f));
        expect(checkSubjectTemplate(fields).ok).toBe(valid);
      }),
    );
  });
});
