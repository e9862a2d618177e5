'use client';
import { IssuerUrlWarning } from '@/components/issuer/issuer-url-warning';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/code-block';
import { SelectField, TextField } from '@/components/ui/field';
import { ACCOUNT_ID_PATTERN } from '@/lib/domain/aws/limits';
import { oidcProviderArn, type BuilderModel } from '@/lib/domain/trust-policy';
import type { TPolicyContext } from '@/lib/schemas/trust-policy';
import { accountIdOf, isForeignProvider, withAccountId } from './builder-context';

/** The AWS account (which fixes the provider ARN), the required audience, and sts:TagSession. */
export function ProviderSettings({ context, model, disabled, onChange, accountError }: { context: TPolicyContext; model: BuilderModel; disabled: boolean; onChange: (patch: Partial<BuilderModel>) => void; accountError: string | undefined }) {
  const accountId = accountIdOf(model.providerArn);
  const invalid = accountId !== '' && !ACCOUNT_ID_PATTERN.test(accountId);
  const foreign = isForeignProvider(model.providerArn, context.issuer);
  const audienceAllowed = model.audience === '' || context.audiences.includes(model.audience);
  const tagsMissing = context.sessionTags && !model.tagSession;
  return (
    <div className="space-y-4">
      {model.providerArn === '' ? <Alert tone="warning">This policy has no statement the builder can edit. Enter an AWS account id to add one for this organization&apos;s provider.</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="AWS account ID"
          value={accountId}
          onChange={(e) => onChange({ providerArn: withAccountId(model.providerArn, e.target.value.replace(/\s/g, ''), context.issuer) })}
          inputMode="numeric"
          autoComplete="off"
          placeholder="123456789012"
          maxLength={12}
          disabled={disabled}
          error={accountError ?? (invalid ? 'An AWS account id has exactly 12 digits.' : undefined)}
          hint={accountId === '' ? 'Required: the 12-digit account where the IAM OIDC provider and the role live.' : 'The account where the IAM OIDC provider and the role live.'}
        />
        <SelectField label="Audience (aud)" value={model.audience} onChange={(e) => onChange({ audience: e.target.value })} disabled={disabled} hint={model.audience ? 'Required with StringEquals. Workloads request tokens for this audience.' : 'Without an audience condition any client ID of the provider is accepted.'}>
          {context.audiences.map((aud) => (
            <option key={aud} value={aud}>
              {aud}
            </option>
          ))}
          {audienceAllowed ? null : <option value={model.audience}>{`${model.audience} (not allowed by this issuer)`}</option>}
          <option value="">No audience condition (not recommended)</option>
        </SelectField>
      </div>
      {audienceAllowed ? null : <Alert tone="warning">Trustbridge never issues tokens for the audience &quot;{model.audience}&quot;: add it to the issuer&apos;s allowed audiences or choose another.</Alert>}
      {model.providerArn ? (
        <div>
          <p className="mb-1.5 text-sm font-medium text-slate-800">OIDC provider (Principal)</p>
          <CopyField value={model.providerArn} label="OIDC provider ARN" />
        </div>
      ) : null}
      <IssuerUrlWarning issuer={context.issuer} />
      {foreign ? (
        <Alert tone="warning" title="This policy trusts another provider">
          <p>The principal is not this organization&apos;s issuer ({context.issuer}), so none of its environments can use it.</p>
          {disabled ? null : (
            <Button size="sm" variant="secondary" className="mt-2" onClick={() => onChange({ providerArn: oidcProviderArn(context.issuer, accountId) })}>
              Use this organization&apos;s provider
            </Button>
          )}
        </Alert>
      ) : null}
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4" checked={model.tagSession} onChange={(e) => onChange({ tagSession: e.target.checked })} disabled={disabled} />
        <span>
          <span className="font-medium text-slate-900">Allow sts:TagSession</span>
          <span className="block text-slate-600">
            {context.sessionTags
              ? 'Required: this organization puts session tags into its tokens, and AWS refuses AssumeRoleWithWebIdentity with tags unless the trust policy also allows sts:TagSession.'
              : 'Only needed when session tags are on for this organization (they are off).'}
          </span>
        </span>
      </label>
      {tagsMissing ? <Alert tone="error">Session tags are on for this organization: without sts:TagSession every environment is refused.</Alert> : null}
    </div>
  );
}
