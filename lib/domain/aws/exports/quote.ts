// Quoting for generated text that people paste: POSIX shell and HCL (Terraform).

/** One shell word, single-quoted: nothing inside is expanded ('it'\''s'). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * An HCL quoted string: JSON-style escapes, plus `$${` and `%%{` so Terraform does not read
 * `${…}` (e.g. IAM policy variables) as interpolation or `%{…}` as a template directive.
 */
export function hclString(value: string): string {
  return escapeTemplate(JSON.stringify(value));
}

/** Escapes Terraform template sequences in heredoc or quoted text. */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A Terraform identifier (resource label) derived from a name. */
export function hclLabel(name: string, prefix = 'trustbridge'): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${prefix}_${cleaned}`.slice(0, 64);
}

/** A heredoc delimiter that no line of `text` equals. */
export function heredocDelimiter(text: string, base: string): string {
  const lines = new Set(text.split('\n').map((l) => l.trim()));
  let delimiter = base;
  for (let i = 2; lines.has(delimiter); i++) delimiter = `${base}_${i}`;
  return delimiter;
}
