'use client';
import { Button } from '@/components/ui/button';
import { SUBJECT_FIELDS, type SubjectField } from '@/lib/domain/claims/subject-template';

const LABELS: Record<SubjectField, string> = {
  org: 'organization id',
  project: 'project slug',
  environment: 'environment slug',
  stage: 'stage',
  project_id: 'project id',
  environment_id: 'environment id',
};

/** Ordered list of subject fields; the organization stays first (it anchors every trust policy). */
export function SubjectTemplateEditor({ value, onChange, disabled }: { value: SubjectField[]; onChange: (next: SubjectField[]) => void; disabled: boolean }) {
  const unused = SUBJECT_FIELDS.filter((f) => !value.includes(f));
  const move = (index: number, delta: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    onChange(next);
  };
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Subject fields in order">
        {value.map((field, index) => (
          <li key={field} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
            <span>
              <span className="mr-2 inline-block w-5 text-right text-slate-400">{index + 1}.</span>
              <code className="font-mono">{field}</code> <span className="text-slate-500">— {LABELS[field]}</span>
            </span>
            {field === 'org' ? (
              <span className="text-xs text-slate-500">always first</span>
            ) : (
              <span className="flex gap-1">
                <Button size="sm" variant="ghost" disabled={disabled || index <= 1} onClick={() => move(index, -1)} aria-label={`Move ${field} up`}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" disabled={disabled || index === value.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${field} down`}>
                  ↓
                </Button>
                <Button size="sm" variant="ghost" disabled={disabled} onClick={() => onChange(value.filter((f) => f !== field))} aria-label={`Remove ${field}`}>
                  Remove
                </Button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {unused.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {unused.map((field) => (
            <Button key={field} size="sm" variant="secondary" disabled={disabled} onClick={() => onChange([...value, field])} aria-label={`Add ${field}`}>
              + {field}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
