// The app's route handlers, read from the file system: every app/**/route.ts, the URL pattern its
// folder names and the HTTP methods its source exports. The server build turns this into the front
// door's route table (dist/routes.json, server/route-table.ts), and the tests that walk every route
// (tests/http/authz/routes.ts) read the same list — so a new route is known to both without a
// registry to update.
// Exports are read with the TypeScript parser, not a regex: comments, strings and every export
// form (`export const GET`, `export async function GET`, `export { x as GET }`, re-exports,
// `export const { GET, POST } = handlers`) are told apart the way the compiler does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every method a Next.js route handler may export. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** @param {ts.BindingName} name @returns {string[]} */
function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** @param {ts.Node} node */
const exported = (node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports, as the compiler sees them; `*` for `export * from` (names unknown). */
export function exportedNames(source) {
  const file = ts.createSourceFile('route.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {string[]} */
  const names = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && !statement.exportClause) names.push('*');
    if (ts.isVariableStatement(statement) && exported(statement)) names.push(...statement.declarationList.declarations.flatMap((d) => bindingNames(d.name)));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && exported(statement) && statement.name) names.push(statement.name.text);
    else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    }
  }
  return names;
}

export function exportedMethods(source) {
  const names = new Set(exportedNames(source));
  return METHODS.filter((m) => names.has(m));
}

/** The URL pattern of a route folder under `prefix`: `(group)` folders are not part of the URL. */
export function patternOf(relativeDir, prefix) {
  const segments = relativeDir.split(/[\\/]/).filter((s) => s !== '' && !/^\(.*\)$/.test(s));
  return [prefix, ...segments].join('/') || '/';
}

/** @returns {string[]} */
function routeFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // `_folder` is private in the App Router: never a route.
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every route file under `folder` (e.g. `app/api`), one row per exported method. */
export function discoverRoutes(root, folder) {
  const base = path.join(root, folder);
  const prefix = patternOf(path.relative(path.join(root, 'app'), base), '').replace(/^\/$/, '');
  const files = routeFiles(base).sort();
  /** @type {string[]} */
  const unreadable = [];
  const routes = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const methods = exportedMethods(source);
    if (methods.length === 0 || exportedNames(source).includes('*')) unreadable.push(path.relative(root, file));
    const pattern = patternOf(path.relative(base, path.dirname(file)), prefix);
    return methods.map((method) => ({ pattern, method, file: path.relative(root, file) }));
  });
  return { files: files.map((f) => path.relative(root, f)), routes, unreadable };
}

/** The front door's route table: every route of the app with the methods its file exports. */
export function routeTable(root) {
  const discovery = discoverRoutes(root, 'app');
  if (discovery.unreadable.length > 0) throw new Error(`cannot tell the methods of ${discovery.unreadable.join(', ')} from their source`);
  /** @type {Map<string, string[]>} */
  const byPattern = new Map();
  for (const route of discovery.routes) byPattern.set(route.pattern, [...(byPattern.get(route.pattern) ?? []), route.method]);
  return [...byPattern].map(([pattern, methods]) => ({ pattern, methods })).sort((a, b) => a.pattern.localeCompare(b.pattern));
}
