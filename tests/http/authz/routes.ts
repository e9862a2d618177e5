// The API's route list, read from the file system: every app/api/**/route.ts, the URL pattern its
// folder names and the HTTP methods its source exports. The authorization matrix is checked
// against this list, so a new route (or method) without a matrix entry fails the suite.
// Exports are read with the TypeScript parser, not a regex: comments, strings and every export
// form (`export const GET`, `export async function GET`, `export { x as GET }`, re-exports,
// `export const { GET, POST } = handlers`) are told apart the way the compiler does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every method a Next.js route handler may export. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

export interface DiscoveredRoute {
  /** `/api/v1/orgs/[orgId]`: the folder path, route groups removed, dynamic segments kept. */
  pattern: string;
  method: Method;
  file: string;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports, as the compiler sees them; `*` for `export * from` (names unknown). */
export function exportedNames(source: string): string[] {
  const file = ts.createSourceFile('route.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
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

export function exportedMethods(source: string): Method[] {
  const names = new Set(exportedNames(source));
  return METHODS.filter((m) => names.has(m));
}

/** The URL pattern of a route folder: `(group)` folders are not part of the URL. */
export function patternOf(relativeDir: string): string {
  const segments = relativeDir.split(/[\\/]/).filter((s) => s !== '' && !/^\(.*\)$/.test(s));
  return ['/api', ...segments].join('/');
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // `_folder` is private in the App Router: never a route.
    if (entry.isDirectory()) return entry.name.startsWith('_') ? [] : routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

export interface Discovery {
  files: string[];
  routes: DiscoveredRoute[];
  /** Route files whose methods cannot be known from their source (none found, or `export *`). */
  unreadable: string[];
}

export function discoverApiRoutes(root: string): Discovery {
  const apiDir = path.join(root, 'app/api');
  const files = routeFiles(apiDir).sort();
  const unreadable: string[] = [];
  const routes = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const methods = exportedMethods(source);
    if (methods.length === 0 || exportedNames(source).includes('*')) unreadable.push(path.relative(root, file));
    const pattern = patternOf(path.relative(apiDir, path.dirname(file)));
    return methods.map((method) => ({ pattern, method, file: path.relative(root, file) }));
  });
  return { files: files.map((f) => path.relative(root, f)), routes, unreadable };
}

export const routeKey = (r: { method: string; pattern: string }) => `${r.method} ${r.pattern}`;
