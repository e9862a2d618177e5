// Trustbridge's process entry point: one HTTP server on one port. Every request passes the front
// door (request id, security headers, body limit, Origin rule); the issuer's hot paths are served
// here ahead of Next's router; everything else goes to Next.
import { createServer } from 'node:http';
import next from 'next';
import { getDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { startSqliteCheckpointer } from '@/lib/server/db/sqlite-checkpointer';
import { ISSUER_URL_FIX, issuerUrlProblems } from '@/lib/domain/issuer/issuer-url';
import { ConfigError, getConfig } from '@/lib/server/env';
import { log } from '@/lib/server/log';
import { bootstrap } from '@/lib/server/setup/bootstrap';
import { verifyMasterKey } from '@/lib/server/oidc/verify-master-key';
import { loadMasterKey } from '@/lib/server/security/master-key';
import { frontDoor, hotPathHeaders } from './server/front-door';
import { isIssuerPath, routeIssuer, setIssuerSecurityHeaders } from './server/issuer-routes';
import { startKeyHousekeeping } from '@/lib/server/oidc/key-housekeeping';
import { issuanceAudit } from '@/lib/server/oidc/issuance-audit';

async function main(): Promise<void> {
  const dev = process.env.NODE_ENV === 'development';
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
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
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const hot = isIssuerPath(path);
    if (!frontDoor(req, res, config, dev, path, !hot)) return;
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
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Trustbridge failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
