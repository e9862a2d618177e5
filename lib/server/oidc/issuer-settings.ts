import 'server-only';
import { z } from 'zod';
import { DEFAULT_SUBJECT_TEMPLATE, type SubjectTemplate } from '@/lib/domain/claims/subject-template';
import { ZSubjectTemplate } from '@/lib/schemas/issuer';
import type { TIssuerSettings } from '@/lib/schemas/issuer';
import type { SigningAlgorithm } from '../security/signing-key-material';
import { issuerFor } from './issuer';

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

export interface IssuerSettingsRow {
  orgId: string;
  algorithm: string;
  tokenLifetimeSeconds: number;
  audiences: string;
  subjectTemplate: string;
  sessionTags: boolean;
  rotationPeriodDays: number;
  rotationLeadHours: number;
  keysVersion: number;
  version: number;
}

export interface IssuerSettingsValue {
  algorithm: SigningAlgorithm;
  tokenLifetimeSeconds: number;
  audiences: string[];
  subjectTemplate: SubjectTemplate;
  sessionTags: boolean;
  rotationPeriodDays: number;
  rotationLeadHours: number;
  keysVersion: number;
  version: number;
}

const ZStoredAudiences = z.array(z.string().min(1)).min(1);

/** JSON columns are parsed with zod like any other boundary; corrupt rows fail loudly. */
export function readIssuerSettings(row: IssuerSettingsRow): IssuerSettingsValue {
  return {
    algorithm: row.algorithm === 'RS256' ? 'RS256' : 'ES256',
    tokenLifetimeSeconds: row.tokenLifetimeSeconds,
    audiences: ZStoredAudiences.parse(JSON.parse(row.audiences)),
    subjectTemplate: ZSubjectTemplate.parse(JSON.parse(row.subjectTemplate)),
    sessionTags: row.sessionTags,
    rotationPeriodDays: row.rotationPeriodDays,
    rotationLeadHours: row.rotationLeadHours,
    keysVersion: row.keysVersion,
    version: row.version,
  };
}

export function defaultIssuerSettings(orgId: string) {
  return { orgId, audiences: JSON.stringify([DEFAULT_AUDIENCE]), subjectTemplate: JSON.stringify(DEFAULT_SUBJECT_TEMPLATE) };
}

export function toIssuerSettingsDto(orgId: string, value: IssuerSettingsValue): TIssuerSettings {
  const issuer = issuerFor(orgId);
  return {
    algorithm: value.algorithm,
    tokenLifetimeSeconds: value.tokenLifetimeSeconds,
    audiences: value.audiences,
    subjectTemplate: [...value.subjectTemplate],
    sessionTags: value.sessionTags,
    rotationPeriodDays: value.rotationPeriodDays,
    rotationLeadHours: value.rotationLeadHours,
    version: value.version,
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
  };
}

/** What the audit log keeps of issuer settings. */
export function issuerSettingsSnapshot(value: IssuerSettingsValue) {
  const { keysVersion: _keys, ...rest } = value;
  return rest;
}
