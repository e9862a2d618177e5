// Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"):
// - "Variables are marked using a $ prefix followed by a pair of curly braces ({ })";
// - usable "for Condition values in any condition that involves the string operators or the ARN
//   operators", and only under Version 2012-10-17 ("variables like ${aws:username} are treated as
//   literal strings" otherwise);
// - ${*}, ${?} and ${$} stand for a literal *, ? and $;
// - a default is written `${key, 'default'}`;
// - "When you use a variable with no value ... StringEquals or StringLike do not match ... Inverted
//   condition operators like StringNotEquals or StringNotLike do match against a null value";
// - "You can use any single-valued condition key as a variable. You can't use a multivalued
//   condition key as a variable."

export type Piece =
  | { t: 'text'; s: string } // written text: `*` and `?` are wildcards for Like operators
  | { t: 'lit'; s: string } // ${*} ${?} ${$}: always literal
  | { t: 'var'; key: string; lower: string; fallback: string | null };

const VARIABLE = /^\s*([^\s,'{}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

export function splitVariables(value: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    if (open < 0) break;
    const close = value.indexOf('}', open + 2);
    if (close < 0) break;
    const inner = value.slice(open + 2, close);
    let piece: Piece | null = null;
    if (inner === '*' || inner === '?' || inner === '$') piece = { t: 'lit', s: inner };
    else {
      const m = VARIABLE.exec(inner);
      if (m && m[1] !== undefined) piece = { t: 'var', key: m[1], lower: m[1].toLowerCase(), fallback: m[2] ?? null };
    }
    if (piece === null) {
      // Not a variable: keep the text as written and continue after the `${`.
      text += value.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    text += value.slice(i, open);
    if (text) pieces.push({ t: 'text', s: text });
    text = '';
    pieces.push(piece);
    i = close + 1;
  }
  text += value.slice(i);
  if (text) pieces.push({ t: 'text', s: text });
  return pieces;
}

export function hasVariables(pieces: readonly Piece[]): boolean {
  return pieces.some((p) => p.t === 'var');
}

/** True when the value contains a `${…}` that is a real variable (not one of the escapes). */
export function containsVariable(value: string): boolean {
  return hasVariables(splitVariables(value));
}
