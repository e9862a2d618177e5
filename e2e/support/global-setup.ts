import { ADMIN_EMAIL, ADMIN_PASSWORD, freePort, startServer, type RunningServer } from '../../tests/support/server';

// Two servers from the production build: FRESH has no user (its log prints the setup code), MAIN
// has the admin from TRUSTBRIDGE_ADMIN_EMAIL. PUBLIC_URL is the exact URL the browser uses, so the
// Origin rule holds. Values reach the tests through environment variables.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers: RunningServer[] = [];
  const start = async (admin: boolean) => {
    const port = await freePort();
    const server = await startServer({ port, publicUrl: `http://127.0.0.1:${port}`, admin });
    servers.push(server);
    return server;
  };
  const fresh = await start(false);
  const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(fresh.output())?.[1];
  if (!code) throw new Error(`no setup code in the server output:\n${fresh.output()}`);
  const main = await start(true);
  process.env.TRUSTBRIDGE_E2E_FRESH_URL = fresh.url;
  process.env.TRUSTBRIDGE_E2E_SETUP_CODE = code;
  process.env.TRUSTBRIDGE_E2E_URL = main.url;
  process.env.TRUSTBRIDGE_E2E_ADMIN_EMAIL = ADMIN_EMAIL;
  process.env.TRUSTBRIDGE_E2E_ADMIN_PASSWORD = ADMIN_PASSWORD;
  return async () => {
    for (const server of servers) await server.stop();
  };
}
