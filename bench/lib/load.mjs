// Load generator process for scripts/bench.ts (pinned to its own core): runs autocannon with the
// JSON config given as argv[2] and prints one JSON line of results. `authorizations` rotates the
// Authorization header over many environment tokens.
import autocannon from 'autocannon';

const config = JSON.parse(process.argv[2]);
let i = 0;
const authorizations = config.authorizations ?? null;
const instance = autocannon({
  url: config.url,
  method: config.method ?? 'GET',
  connections: config.connections,
  duration: config.duration,
  pipelining: 1,
  headers: config.headers ?? {},
  ...(config.body ? { body: config.body } : {}),
  ...(authorizations
    ? {
        requests: [
          {
            setupRequest: (req) => {
              i = (i + 1) % authorizations.length;
              return { ...req, headers: { ...req.headers, authorization: authorizations[i] } };
            },
          },
        ],
      }
    : {}),
});
instance.on('done', (r) => {
  process.stdout.write(
    `${JSON.stringify({
      requestsPerSecond: r.requests.average,
      total: r.requests.total,
      ok2xx: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      latencyP50: r.latency.p50,
      latencyP99: r.latency.p99,
      latencyMax: r.latency.max,
    })}\n`,
  );
});
