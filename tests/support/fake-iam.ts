// A tiny IAM + STS endpoint for faults the emulator cannot produce (throttling, quotas, malformed
// policies, server failures) and for calls it does not implement (moto has no
// Add/RemoveClientIDToOpenIDConnectProvider). It speaks the Query protocol's wire format: form
// bodies in, the real XML success and error documents out, so the server's real SDK parses them.
// Every request is recorded (action, parameters, the access key id it was signed with).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  action: string;
  params: Record<string, string>;
  /** From the SigV4 Authorization header: which credentials signed the request. */
  accessKeyId: string | null;
}

export interface FakeAnswer {
  status: number;
  body: string;
}

export type FakeHandler = (call: FakeCall) => FakeAnswer | undefined;

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export const iamError = (status: number, code: string, message: string): FakeAnswer => ({
  status,
  body: `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>0e6b7f55-0000-4000-8000-000000000000</RequestId></ErrorResponse>`,
});

export const iamOk = (action: string, result = ''): FakeAnswer => ({
  status: 200,
  body: `<${action}Response xmlns="${IAM_NS}">${result ? `<${action}Result>${result}</${action}Result>` : ''}<ResponseMetadata><RequestId>0e6b7f55-0000-4000-8000-000000000001</RequestId></ResponseMetadata></${action}Response>`,
});

export const callerIdentity = (account: string): FakeAnswer => ({
  status: 200,
  body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:user/fake</Arn><UserId>AIDAFAKEFAKEFAKEFAKE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0e6b7f55-0000-4000-8000-000000000002</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
});

export const members = (tag: string, values: readonly string[]) => `<${tag}>${values.map((v) => `<member>${v}</member>`).join('')}</${tag}>`;

export interface FakeIam {
  url: string;
  calls: FakeCall[];
  /** Answers for this test; unanswered IAM calls get 500 ServiceFailure, GetCallerIdentity the account below. */
  handle(handler: FakeHandler): void;
  account: string;
  reset(): void;
  /** IAM calls only (not the STS account check). */
  iamCalls(): FakeCall[];
  close(): Promise<void>;
}

export async function startFakeIam(): Promise<FakeIam> {
  const calls: FakeCall[] = [];
  let handler: FakeHandler = () => undefined;
  const fake: Partial<FakeIam> & { account: string } = { account: '123456789012' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const accessKeyId = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? null;
      const call: FakeCall = { action: params.Action ?? '', params, accessKeyId };
      calls.push(call);
      const answer = handler(call) ?? (call.action === 'GetCallerIdentity' ? callerIdentity(fake.account) : iamError(500, 'ServiceFailure', `no answer for ${call.action} in this test`));
      res.writeHead(answer.status, { 'Content-Type': 'text/xml' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    handle: (h: FakeHandler) => {
      handler = h;
    },
    reset: () => {
      calls.length = 0;
      handler = () => undefined;
      fake.account = '123456789012';
    },
    iamCalls: () => calls.filter((c) => c.action !== 'GetCallerIdentity'),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  }) as FakeIam;
}
