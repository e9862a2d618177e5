// A tiny stand-in for AWS STS that answers with STS's real error bodies (awsQuery protocol: XML
// <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>), so the SDK's
// own error parsing is exercised at its boundary. The answer is chosen by the name of the role in
// the request: arn:aws:iam::123456789012:role/<case>, one of FAKE_STS_CASES; `unreachable` closes
// the connection without answering. Point AWS_ENDPOINT_URL_STS at `url`. moto accepts everything,
// so these refusals cannot come from it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StsError {
  status: number;
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

// Messages as STS sends them (STS API Reference, AssumeRoleWithWebIdentity "Errors").
export const FAKE_STS_CASES = {
  'no-provider': { status: 400, type: 'Sender', code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found in your account for https://trustbridge.test/oidc/x' },
  'wrong-audience': { status: 400, type: 'Sender', code: 'InvalidIdentityToken', message: 'Incorrect token audience' },
  'no-jwks': { status: 400, type: 'Sender', code: 'InvalidIdentityToken', message: "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements" },
  'access-denied': { status: 403, type: 'Sender', code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
  'too-long': { status: 400, type: 'Sender', code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
  'idp-down': { status: 400, type: 'Sender', code: 'IDPCommunicationError', message: 'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.' },
  expired: { status: 400, type: 'Sender', code: 'ExpiredTokenException', message: 'Token expired: current date/time 1700000600 must be before the expiration date/time 1700000000' },
  throttled: { status: 400, type: 'Sender', code: 'Throttling', message: 'Rate exceeded' },
} as const satisfies Record<string, StsError>;

export type FakeStsCase = keyof typeof FAKE_STS_CASES | 'unreachable';

export const fakeRoleArn = (c: FakeStsCase) => `arn:aws:iam::123456789012:role/${c}`;

export interface FakeSts {
  url: string;
  /** Requests received: the form fields, with WebIdentityToken replaced by its length. */
  requests: Record<string, string>[];
  stop(): Promise<void>;
}

const xml = (e: StsError) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>${e.type}</Type>\n    <Code>${e.code}</Code>\n    <Message>${e.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;')}</Message>\n  </Error>\n  <RequestId>4f5d2a0e-0000-4000-8000-000000000000</RequestId>\n</ErrorResponse>\n`;

export async function startFakeSts(): Promise<FakeSts> {
  const requests: Record<string, string>[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      if (form.WebIdentityToken) form.WebIdentityToken = `<${form.WebIdentityToken.length} chars>`;
      requests.push(form);
      const name = (form.RoleArn ?? '').split('/').pop() ?? '';
      if (name === 'unreachable') {
        req.socket.destroy();
        return;
      }
      const e: StsError = (FAKE_STS_CASES as Record<string, StsError>)[name] ?? { status: 400, type: 'Sender', code: 'ValidationError', message: `fake STS: no case named ${name}` };
      res.writeHead(e.status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': '4f5d2a0e-0000-4000-8000-000000000000' });
      res.end(xml(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
