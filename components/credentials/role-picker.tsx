'use client';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { control, describedBy, Frame } from '@/components/ui/field';
import { sessionLength, type RecordedRoleOption } from './recorded-roles';

/**
 * Role ARN: free text, or one of the AWS wizard's recorded roles from the list under it (ARIA 1.2
 * combobox with a listbox popup: arrows move, Enter picks, Escape closes; the list filters as you type).
 */
export function RolePicker({
  label = 'Role ARN',
  value,
  onChange,
  roles,
  error,
  hint,
  autoFocus,
}: {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  roles: readonly RecordedRoleOption[];
  error?: string | undefined;
  hint?: ReactNode;
  autoFocus?: boolean;
}) {
  const id = useId();
  const listId = `${id}-roles`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const needle = value.trim().toLowerCase();
  const matches = roles.filter((r) => !needle || r.arn.toLowerCase().includes(needle) || r.roleName.toLowerCase().includes(needle));
  // A value that is exactly a recorded ARN shows every role again (to switch), not just itself.
  const options = matches.length === 1 && matches[0]?.arn === value.trim() ? roles : matches;
  const expanded = open && options.length > 0;

  const pick = (role: RecordedRoleOption) => {
    onChange(role.arn);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      const role = options[active];
      if (role) {
        event.preventDefault();
        pick(role);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation(); // close the list, not the dialog around it
      setOpen(false);
    }
  };

  const fullHint = hint ?? (roles.length > 0 ? 'Type an ARN, or choose a role recorded in AWS setup.' : 'arn:aws:iam::<account id>:role/<name>');
  return (
    <Frame id={id} label={label} hint={fullHint} error={error}>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, fullHint)}
          autoComplete="off"
          spellCheck={false}
          placeholder="arn:aws:iam::123456789012:role/deploy"
          className={cn(control, 'font-mono', error ? 'border-red-400' : 'border-slate-300')}
          value={value}
          autoFocus={autoFocus}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Recorded roles"
          hidden={!expanded}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {options.map((role, i) => (
            <li
              key={role.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(role)}
              onMouseEnter={() => setActive(i)}
              className={cn('cursor-pointer px-3 py-2 text-sm', i === active ? 'bg-brand-50' : '')}
            >
              <span className="font-medium text-slate-900">{role.roleName}</span>
              <span className="ml-2 text-xs text-slate-500">max {sessionLength(role.maxSessionDuration)}</span>
              <span className="block font-mono text-xs text-slate-600 wrap-anywhere">{role.arn}</span>
            </li>
          ))}
        </ul>
      </div>
    </Frame>
  );
}
