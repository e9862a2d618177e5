// The server itself, started by server.ts once the configuration is read and (on the embedded
// database) the one-process lock is held. Every request passes the front door (request id,
// request target and method, security headers, body limit, Origin rule); the issuer's hot paths
// are served here ahead of Next's router; everything else goes to Next.
import { ISSUER_URL_FIX, issuerUrlProblems } from '@/lib/domain/issuer/issuer-url';
import { createServer } from 'node:http';
import next from 'next';
import { getDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { startSqliteCheckpointer } from '@/lib/server/db/sqlite-checkpointer';
import type { AppConfig } from '@/lib/server/env';
import { log } from '@/lib/server/log';
import { bootstrap } from '@/lib/server/setup/bootstrap';
import { verifyMasterKey } from '@/lib/server/oidc/verify-master-key';
import { loadMasterKey } from '@/lib/server/security/master-key';
import { frontDoor, hotPathHeaders } from './front-door';
import { isIssuerPath, routeIssuer, setIssuerSecurityHeaders } from './issuer-routes';
import type { RouteTable } from './route-table';
import { answerClientError, answerConnect } from './socket-answers';
import { startKeyHousekeeping } from '@/lib/server/oidc/key-housekeeping';
import { issuanceAudit } from '@/lib/server/oidc/issuance-audit';

export async function runServer(config: AppConfig, routes: RouteTable, onStop: () => void): Promise<void> {
  const dev = config.nodeEnv === 'development';
  // The same reasons the dashboard shows next to every issuer URL (components/issuer/issuer-url-warning.tsx).
  const issuerProblems = issuerUrlProblems(config.publicUrl);
  if (issuerProblems.length > 0) log.warn(`PUBLIC_URL: AWS cannot trust issuers under it (fine for local use). ${issuerProblems.map((p) => p.message).join(' ')} ${ISSUER_URL_FIX}`, { publicUrl: config.publicUrl });

  loadMasterKey(config);
  const applied = await migrateDatabase(config.database);
  log.info('database ready', { database: config.database.kind, appliedMigrations: applied });
  await bootstrap(config);
  await verifyMasterKey();
  const housekeeping = startKeyHousekeeping();
  const checkpointer = config.database.kind === 'sqlite' ? startSqliteCheckpointer(config.database.file) : null;

  const app = next({ dev, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const hotHeaders = hotPathHeaders(config);
  setIssuerSecurityHeaders(hotHeaders);
  const door = { config, dev, routes };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const hot = isIssuerPath(path);
    if (!frontDoor(req, res, door, path, !hot)) return;
    if (hot && routeIssuer(req, res, path)) return;
    if (hot) {
      // An /oidc path that is no issuer document: let Next answer, with the usual headers.
      res.setHeader('X-Request-Id', String(req.headers['x-request-id']));
      for (let i = 0; i < hotHeaders.length; i += 2) res.setHeader(hotHeaders[i] ?? '', hotHeaders[i + 1] ?? '');
    }
    handle(req, res).catch((error: unknown) => {
      log.error('request failed', { requestId: req.headers['x-request-id'], error });
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }));
      } else res.end();
    });
  });
  server.on('clientError', (error, socket) => answerClientError(error, socket, door));
  server.on('connect', (req, socket) => answerConnect(req, socket, door));
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log.info('Trustbridge is listening', { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`, publicUrl: config.publicUrl });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    housekeeping.stop();
    server.close(() => {
      void issuanceAudit()
        .drain()
        .then(() => checkpointer?.stop())
        .then(() => getDb().$disconnect())
        .then(onStop)
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
