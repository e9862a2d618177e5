// The API's route list, read from the file system (scripts/lib/route-files.mjs, the same reader
// the server build uses for the front door's route table): every app/api/**/route.ts, the URL
// pattern its folder names and the HTTP methods its source exports. The authorization matrix is
// checked against this list, so a new route (or method) without a matrix entry fails the suite.
import { discoverRoutes, patternOf as patternUnder, type Discovery } from '../../../scripts/lib/route-files.mjs';

export { exportedMethods, exportedNames, METHODS, type DiscoveredRoute, type Discovery, type Method } from '../../../scripts/lib/route-files.mjs';

/** The URL pattern of a folder under app/api: `(group)` folders are not part of the URL. */
export const patternOf = (relativeDir: string) => patternUnder(relativeDir, '/api');

export const discoverApiRoutes = (root: string): Discovery => discoverRoutes(root, 'app/api');

export const routeKey = (r: { method: string; pattern: string }) => `${r.method} ${r.pattern}`;
