// Small edits used by lint fixes. Every edit works on a deep copy; the input policy is never changed.
import { clonePolicy, conditionEntry, type ConditionScalar, type Policy, type Statement } from '../../model';

export function editStatement(policy: Policy, index: number, edit: (s: Statement) => boolean): Policy | null {
  const copy = clonePolicy(policy);
  const s = copy.statements[index];
  if (!s) return null;
  return edit(s) ? copy : null;
}

function hasKey(s: Statement, operator: string, key: string): boolean {
  const block = s.condition?.find((b) => b.operator === operator);
  return block?.entries.some((e) => e.key.toLowerCase() === key.toLowerCase()) ?? false;
}

/** Adds `operator → key → values`; false when that operator already has the key. */
export function addCondition(s: Statement, operator: string, key: string, values: readonly ConditionScalar[]): boolean {
  if (hasKey(s, operator, key)) return false;
  s.condition ??= [];
  let block = s.condition.find((b) => b.operator === operator);
  if (!block) {
    block = { operator, entries: [] };
    s.condition.push(block);
  }
  block.entries.push(conditionEntry(key, values));
  return true;
}

/** Moves one key from one operator to another; false when the target already has the key. */
export function moveEntry(s: Statement, from: string, key: string, to: string): boolean {
  if (hasKey(s, to, key)) return false;
  const source = s.condition?.find((b) => b.operator === from);
  const at = source?.entries.findIndex((e) => e.key === key) ?? -1;
  if (!source || at < 0 || !s.condition) return false;
  const [entry] = source.entries.splice(at, 1);
  if (!entry) return false;
  if (source.entries.length === 0) s.condition.splice(s.condition.indexOf(source), 1);
  let target = s.condition.find((b) => b.operator === to);
  if (!target) {
    target = { operator: to, entries: [] };
    s.condition.push(target);
  }
  target.entries.push(entry);
  return true;
}

/** Renames a condition key in place; false when the operator already has the new key. */
export function renameKey(s: Statement, operator: string, key: string, newKey: string): boolean {
  if (hasKey(s, operator, newKey)) return false;
  const entry = s.condition?.find((b) => b.operator === operator)?.entries.find((e) => e.key === key);
  if (!entry) return false;
  entry.key = newKey;
  return true;
}
