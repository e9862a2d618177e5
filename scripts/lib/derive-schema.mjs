// prisma/schema.prisma is written for SQLite; the PostgreSQL variant differs only in its provider
// and its generated-client output folder.
/**
 * @param {string} text
 * @param {'sqlite' | 'postgresql'} provider
 * @returns {string}
 */
export function deriveSchema(text, provider) {
  const withProvider = text.replace(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, `$1"${provider}"`);
  const withOutput = withProvider.replace(/output(\s*)= "[^"]*"/, `output$1= "./${provider}"`);
  if (!withOutput.includes(`provider = "${provider}"`)) throw new Error('prisma/schema.prisma: datasource block not recognised');
  return withOutput;
}
