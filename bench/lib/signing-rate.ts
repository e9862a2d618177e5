import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { prepareSigner } from '../../lib/server/security/jwt-sign';

// Raw signing rate of an organization's key in this process (one core): our node:crypto signer
// (what the token endpoint uses) and jose's SignJWT for comparison.

const claims = {
  iss: 'https://trustbridge.example.com/oidc/01m8474fmb8q3dvcafhgt5c8g9',
  sub: 'org:01m8474fmb8q3dvcafhgt5c8g9:project:web:environment:prod',
  aud: 'sts.amazonaws.com',
  iat: 1795439000,
  nbf: 1795439000,
  exp: 1795439600,
  jti: 'cpaYmOB_SUjhua4-KQda9Q',
  org_id: '01m8474fmb8q3dvcafhgt5c8g9',
  org_slug: 'acme',
  project_id: '01m848dctdt1dx58hbqd11hvze',
  project_slug: 'web',
  environment_id: '01m848dcxsxvcm2b5t15fy43ad',
  environment_slug: 'prod',
  environment_stage: 'production',
};

async function rate(fn: () => unknown | Promise<unknown>, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await fn();
    n += 100;
  }
  return n / (ms / 1000);
}

export async function signingRates(ms = 2000) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const es = prepareSigner(privateKey, 'k', 'ES256');
  const rs = prepareSigner(rsa.privateKey, 'r', 'RS256');
  await rate(() => es.sign(claims), 300);
  return {
    es256: await rate(() => es.sign(claims), ms),
    rs256: await rate(() => rs.sign(claims), ms),
    joseEs256: await rate(() => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k', typ: 'JWT' }).sign(privateKey), ms),
  };
}
