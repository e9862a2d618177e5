// Every export format of a provider or role: text, a file name for downloads and a content type.
import type { ProviderSpec, RoleSpec } from '../resource-spec';
import { providerCli, roleCli } from './cli';
import { providerCloudFormation, roleCloudFormation } from './cloudformation';
import { providerConsole, roleConsole } from './console';
import { providerTerraform, roleTerraform } from './terraform';

export const EXPORT_FORMATS = ['cli', 'cloudformation', 'terraform', 'console'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDocument {
  text: string;
  filename: string;
  contentType: string;
}

const TYPES: Record<ExportFormat, { suffix: string; contentType: string }> = {
  cli: { suffix: '.sh', contentType: 'text/x-shellscript; charset=utf-8' },
  cloudformation: { suffix: '.template.json', contentType: 'application/json; charset=utf-8' },
  terraform: { suffix: '.tf', contentType: 'text/plain; charset=utf-8' },
  console: { suffix: '.txt', contentType: 'text/plain; charset=utf-8' },
};

const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9_.=+,@-]/g, '-');

function document(format: ExportFormat, base: string, text: string): ExportDocument {
  return { text, filename: `${safeFileName(base)}${TYPES[format].suffix}`, contentType: TYPES[format].contentType };
}

export function exportProvider(spec: ProviderSpec, format: ExportFormat): ExportDocument {
  const render = { cli: providerCli, cloudformation: providerCloudFormation, terraform: providerTerraform, console: providerConsole }[format];
  return document(format, `trustbridge-oidc-provider-${spec.accountId}`, render(spec));
}

export function exportRole(spec: RoleSpec, format: ExportFormat): ExportDocument {
  const render = { cli: roleCli, cloudformation: roleCloudFormation, terraform: roleTerraform, console: roleConsole }[format];
  return document(format, `trustbridge-role-${spec.roleName}`, render(spec));
}
