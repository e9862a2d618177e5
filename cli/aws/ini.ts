// Editing the AWS shared credentials and config files the way a careful person would: only the
// lines of one section's keys change; every other section, key, comment, blank line and line
// ending stays byte for byte. The text is handled as latin1 (one character per byte), so bytes
// that are not valid UTF-8 survive too.
//
// Format (botocore reads these files with Python's configparser): `[section]` headers — in the
// config file `[profile name]` (and `[default]`), in the credentials file `[name]`; `key = value`
// lines whose key names are case-insensitive; `#` / `;` comment lines; indented lines continue
// the previous value (nested settings such as `s3 =` in the config file).

const HEADER = /^\[([^\]]*)\]/;
const KEY = /^([^\s=#;[][^=]*?)\s*=/;

interface Line {
  text: string;
  eol: string;
}

function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(content)) !== null) {
    if (match[0] === '') break;
    lines.push({ text: match[1] ?? '', eol: match[2] ?? '' });
  }
  return lines;
}

const normalizeHeader = (name: string) => name.trim().replace(/\s+/g, ' ');

/** Section names as they appear between the brackets: `default`, `profile ci` (config) or `ci` (credentials). */
export function sectionName(file: 'credentials' | 'config', profile: string): string {
  return file === 'config' && profile !== 'default' ? `profile ${profile}` : profile;
}

/**
 * Sets `entries` (key → value) in section `name` (the first one of that name; `default` also
 * matches `[profile default]`), adding the section at the end when there is none. Keys already in
 * the section are replaced in place (with their continuation lines); the others are added after
 * the section's last key.
 */
export function upsertSection(content: string, name: string, entries: ReadonlyArray<readonly [string, string]>): string {
  const eol = /\r\n/.test(content) ? '\r\n' : '\n';
  const lines = splitLines(content);
  const wanted = normalizeHeader(name);
  const matches = (header: string) => {
    const n = normalizeHeader(header);
    return n === wanted || (wanted === 'default' && n === 'profile default');
  };
  const start = lines.findIndex((l) => {
    const h = HEADER.exec(l.text);
    return h !== null && matches(h[1] ?? '');
  });
  const render = (key: string, value: string) => `${key} = ${value}`;
  if (start < 0) {
    let prefix = content;
    if (prefix !== '' && !/[\r\n]$/.test(prefix)) prefix += eol;
    if (prefix !== '' && !/(\r\n|\n|\r)(\r\n|\n|\r)$/.test(prefix) && lines.some((l) => l.text.trim() !== '')) prefix += eol;
    return `${prefix}[${name}]${eol}${entries.map(([k, v]) => `${render(k, v)}${eol}`).join('')}`;
  }
  let end = lines.findIndex((l, i) => i > start && HEADER.test(l.text));
  if (end < 0) end = lines.length;
  const pending = new Map(entries.map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  const out: Line[] = lines.slice(0, start + 1);
  let lastKey = start;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i] as Line;
    const key = KEY.exec(line.text)?.[1]?.trim().toLowerCase();
    const entry = key === undefined ? undefined : pending.get(key);
    if (entry) {
      out.push({ text: render(entry[0], entry[1]), eol: line.eol });
      pending.delete(key as string);
      // Drop the old value's continuation lines.
      while (i + 1 < end && /^[ \t]+\S/.test((lines[i + 1] as Line).text)) i++;
      lastKey = out.length - 1;
      continue;
    }
    out.push(line);
    if (key !== undefined || (/^[ \t]+\S/.test(line.text) && lastKey === out.length - 2)) lastKey = out.length - 1;
  }
  if (pending.size > 0) {
    const anchor = out[lastKey] as Line;
    if (anchor.eol === '') anchor.eol = eol;
    out.splice(lastKey + 1, 0, ...[...pending.values()].map(([k, v]) => ({ text: render(k, v), eol })));
  }
  out.push(...lines.slice(end));
  return out.map((l) => l.text + l.eol).join('');
}
