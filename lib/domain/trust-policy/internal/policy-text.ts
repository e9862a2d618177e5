// Writing literal text into policy values. In StringLike, `*` and `?` are wildcards and `${` opens a
// policy variable; the escapes ${*}, ${?} and ${$} stand for the characters themselves (IAM User
// Guide, "Special characters"). In StringEquals only `${` needs escaping.

export function literalForLike(text: string): string {
  return text.replace(/[$*?]/g, (c) => `\${${c}}`);
}

export function literalForEquals(text: string): string {
  return text.replace(/\$\{/g, () => '${$}{');
}
