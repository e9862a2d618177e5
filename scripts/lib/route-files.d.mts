export declare const METHODS: readonly ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export type Method = (typeof METHODS)[number];

export interface DiscoveredRoute {
  /** `/api/v1/orgs/[orgId]`: the folder path, route groups removed, dynamic segments kept. */
  pattern: string;
  method: Method;
  file: string;
}

export interface Discovery {
  files: string[];
  routes: DiscoveredRoute[];
  /** Route files whose methods cannot be known from their source (none found, or `export *`). */
  unreadable: string[];
}

export declare function exportedNames(source: string): string[];
export declare function exportedMethods(source: string): Method[];
export declare function patternOf(relativeDir: string, prefix: string): string;
export declare function discoverRoutes(root: string, folder: string): Discovery;
export declare function routeTable(root: string): { pattern: string; methods: Method[] }[];
