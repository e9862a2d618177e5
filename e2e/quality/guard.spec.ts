import { expect, MAIN_URL, test } from '../support/test';

// The console guard must be able to fail: provoke each kind of problem in the default context
// and in a context made later, and check that the guard saw every one of them.

test('the guard sees CSP violations, console errors, uncaught errors and undeclared 4xx in every context', async ({ page, guard }) => {
  const other = await (await guard.newContext()).newPage();
  for (const [index, p] of [page, other].entries()) {
    await p.goto(`${MAIN_URL()}/sign-in`);
    await expect(p.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await p.evaluate((i) => {
      // What the CSP forbids (DevTools' own evaluation is exempt, so no eval here): an inline
      // style attribute, and an image from another origin (a closed loopback port).
      document.body.setAttribute('style', 'outline: 1px solid red');
      new Image().src = `http://127.0.0.1:9/pixel-${i}.png`;
      console.error(`boom from page ${i}`);
      setTimeout(() => {
        throw new Error(`uncaught from page ${i}`);
      });
    }, index);
    await p.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
  }
  const expected = [
    /CSP violation: style-src-attr blocked inline[^\n]*\n[\s\S]*CSP violation: style-src-attr blocked inline/,
    /CSP violation: img-src blocked http:\/\/127\.0\.0\.1:9\/pixel-0\.png/,
    /CSP violation: img-src blocked http:\/\/127\.0\.0\.1:9\/pixel-1\.png/,
    /boom from page 0/,
    /boom from page 1/,
    /uncaught error on [^\n]*: uncaught from page 0/,
    /uncaught error on [^\n]*: uncaught from page 1/,
    /status of 401[^\n]*\n[\s\S]*status of 401/,
  ];
  let seen = '';
  await expect
    .poll(() => {
      seen += guard.drain().map((line) => `${line}\n`).join('');
      return expected.filter((pattern) => !pattern.test(seen)).map(String);
    }, { timeout: 5_000 })
    .toEqual([]);
});

test('a declared HTTP error is not a problem; everything else still is', async ({ page, guard }) => {
  guard.allowHttpError(401);
  await page.goto(`${MAIN_URL()}/sign-in`);
  await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
  await page.evaluate(() => fetch('/api/v1/orgs/not-an-id').then((r) => r.status));
  let seen = '';
  await expect.poll(() => (seen += guard.drain().join('\n'))).toMatch(/status of (400|404)/);
  expect(seen).not.toContain('status of 401');
});
