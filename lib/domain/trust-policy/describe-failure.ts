// One sentence naming what kept a request out (for the token tester, the inspector and its API).
import type { FirstFailure } from './evaluate-policy';

export function describeFailure(f: FirstFailure): string {
  const where = 'statement' in f ? `statement ${f.statement + 1}${f.sid ? ` (${f.sid})` : ''}` : '';
  switch (f.kind) {
    case 'explicit-deny':
      return `A Deny statement matches this token: ${where} refuses it, whatever the Allow statements say.`;
    case 'principal':
      return `The token's issuer is not the provider ${where} trusts: ${f.reason}`;
    case 'action':
      return `The action does not match in ${where}: ${f.reason}`;
    case 'resource':
      return `The resource does not match in ${where}: ${f.reason}`;
    case 'condition':
      return `The condition ${f.condition.operator} on ${f.condition.key} in ${where} fails: ${f.condition.reason}`;
    case 'no-allow-statement':
      return f.reason;
  }
}
