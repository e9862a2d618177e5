'use client';
import { Alert } from '@/components/ui/alert';
import type { DecodeError, JwtSegment } from '@/lib/domain/jwt';

// Malformed input: which part breaks, and the characters around the place where it does.

const SEGMENTS: { id: JwtSegment; label: string }[] = [
  { id: 'header', label: 'Header' },
  { id: 'payload', label: 'Payload' },
  { id: 'signature', label: 'Signature' },
];

function state(segment: JwtSegment, broken: JwtSegment | null): 'ok' | 'broken' | 'unchecked' {
  if (broken === null) return 'unchecked';
  const order: JwtSegment[] = ['header', 'payload', 'signature'];
  const at = order.indexOf(broken);
  const i = order.indexOf(segment);
  return i < at ? 'ok' : i === at ? 'broken' : 'unchecked';
}

const TONE = { ok: 'border-emerald-200 bg-emerald-50 text-emerald-900', broken: 'border-red-300 bg-red-50 text-red-900', unchecked: 'border-slate-200 bg-slate-50 text-slate-500' };
const WORD = { ok: 'readable', broken: 'breaks here', unchecked: 'not reached' };

export function DecodeFailure({ token, error }: { token: string; error: DecodeError }) {
  const text = token.trim();
  const at = error.offset;
  return (
    <Alert tone="error" title={error.segment ? `Not a readable JWT: the ${error.segment} breaks` : 'Not a readable JWT'}>
      <p>{error.message}</p>
      <ol aria-label="Parts of the token" className="mt-3 grid grid-cols-3 gap-2 text-xs">
        {SEGMENTS.map((s) => {
          const st = state(s.id, error.segment);
          return (
            <li key={s.id} className={`rounded border px-2 py-1 ${TONE[st]}`}>
              <span className="block font-medium">{s.label}</span>
              {WORD[st]}
            </li>
          );
        })}
      </ol>
      {at !== undefined && at < text.length ? (
        <p className="mt-3 break-all font-mono text-xs" aria-label="Where it breaks">
          {at > 24 ? '…' : ''}
          {text.slice(Math.max(0, at - 24), at)}
          <mark className="rounded bg-red-200 px-0.5 text-red-950">{String.fromCodePoint(text.codePointAt(at) ?? 32)}</mark>
          {text.slice(at + (String.fromCodePoint(text.codePointAt(at) ?? 32).length), at + 24)}
          {text.length > at + 24 ? '…' : ''}
        </p>
      ) : null}
    </Alert>
  );
}
