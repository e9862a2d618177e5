// Writing literal text into policy values. In StringLike, `*` and `?` are wildcards and `${` opens a
// policy variable; the escapes ${*}, ${?} and ${$} stand for the characters themselves (IAM User
// Guide, "Special characters"). In StringEquals `*` and `?` are literal already; they are still
// written as ${*} and ${?} so no reader (or linter) mistakes them for wildcards.

export function literalForLike(text: string): string {
  return text.replace(/[$*?]/g, (c) => `\${${c}}`);
}

export function literalForEquals(text: string): string {
  return text.replace(/\$\{|[*?]/g, (m) => (m === '${' ? '${$}{' : `\${${m}}`));
}
