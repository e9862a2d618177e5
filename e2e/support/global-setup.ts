import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMoto, type RunningMoto } from '../../tests/support/moto';
import { ADMIN_EMAIL, ADMIN_PASSWORD, awsEmulatorEnv, freePort, ROOT, startServer, type RunningServer } from '../../tests/support/server';
import { startTlsProxy, type RunningTlsProxy } from './tls-proxy';

// Three servers from the production build: FRESH has no user (its log prints the first-run setup
// code), MAIN has the admin from TRUSTBRIDGE_ADMIN_EMAIL. The port is chosen first so that
// PUBLIC_URL is the exact URL the browser uses (the Origin rule compares them). TLS is the
// production shape AWS needs — PUBLIC_URL=https://trustbridge.test (no port) behind a TLS proxy —
// for the journeys that create an OIDC provider (e2e/aws); MAIN's http issuer is refused there.
// Values reach the tests through environment variables; the server logs are kept in
// tests/.reports for failures.

// The exact text bootstrap.ts prints (lib/server/setup/bootstrap.ts).
const SETUP_CODE_LINE = /enter this one-time setup code:\n\n {6}([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\n/;

const TLS_URL = 'https://trustbridge.test';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers: { name: string; server: RunningServer }[] = [];
  let moto: RunningMoto | undefined;
  let proxy: RunningTlsProxy | undefined;
  const start = async (name: string, admin: boolean, port: number, env: Record<string, string> = {}) => {
    const server = await startServer({ port, publicUrl: `http://127.0.0.1:${port}`, admin, env });
    servers.push({ name, server });
    return server;
  };
  const stopAll = async () => {
    const reports = path.join(ROOT, 'tests/.reports');
    mkdirSync(reports, { recursive: true });
    for (const { name, server } of servers) {
      writeFileSync(path.join(reports, `e2e-server-${name}.log`), server.output());
      await server.stop();
    }
    await proxy?.stop();
    await moto?.stop();
  };
  try {
    const freshPort = await freePort();
    let mainPort = await freePort();
    while (mainPort === freshPort) mainPort = await freePort();
    moto = await startMoto();
    const [fresh, main, tls] = await Promise.all([
      start('fresh', false, freshPort),
      start('main', true, mainPort, awsEmulatorEnv(moto.url)),
      startServer({ publicUrl: TLS_URL, admin: true, env: awsEmulatorEnv(moto.url) }).then((server) => (servers.push({ name: 'tls', server }), server)),
    ]);
    proxy = await startTlsProxy(new URL(TLS_URL).hostname, tls.url);
    const code = SETUP_CODE_LINE.exec(fresh.output())?.[1];
    if (!code) throw new Error(`no setup code in the server output:\n${fresh.output()}`);
    process.env.TRUSTBRIDGE_E2E_FRESH_URL = fresh.url;
    process.env.TRUSTBRIDGE_E2E_SETUP_CODE = code;
    process.env.TRUSTBRIDGE_E2E_URL = main.url;
    process.env.TRUSTBRIDGE_E2E_MOTO_URL = moto.url;
    process.env.TRUSTBRIDGE_E2E_TLS_URL = TLS_URL;
    process.env.TRUSTBRIDGE_E2E_TLS_RESOLVER_RULE = proxy.resolverRule;
    process.env.TRUSTBRIDGE_E2E_ADMIN_EMAIL = ADMIN_EMAIL;
    process.env.TRUSTBRIDGE_E2E_ADMIN_PASSWORD = ADMIN_PASSWORD;
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
