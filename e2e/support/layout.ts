import type { Locator, Page } from '@playwright/test';
import { expect } from './test';

// Layout checks a screenshot cannot make by itself: text a person must read or copy is neither
// scrolled out of its box nor drawn under another element.

/** The element shows all of its content: nothing is cut off behind a horizontal scroll. */
export async function expectNotClipped(element: Locator, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await element.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, `${what} is cut off (scrollWidth ${scrollWidth} > clientWidth ${clientWidth})`).toBeLessThanOrEqual(clientWidth);
}

/** No glyph of `text`'s content lies under `cover` (e.g. a button drawn over a code block). */
export async function expectNotCovered(text: Locator, cover: Locator, what: string): Promise<void> {
  const box = await cover.boundingBox();
  if (!box) throw new Error(`${what}: the covering element is not visible`);
  const overlaps = await text.evaluate((el, b) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.left < b.x + b.width && r.right > b.x && r.top < b.y + b.height && r.bottom > b.y).length;
  }, box);
  expect(overlaps, `${what}: text runs under the element drawn over it`).toBe(0);
}

/** Every table on the page shows all its columns: none is cut off behind a sideways scroll (phones). */
export async function expectTablesFit(page: Page, what: string): Promise<void> {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.getClientRects().length > 0)
      .filter((table) => {
        const box = table.parentElement;
        return box !== null && box.scrollWidth > box.clientWidth + 1;
      })
      .map((table) => [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '').filter(Boolean).join(' | ')),
  );
  expect.soft(clipped, `${what}: tables cut off at this width (their columns)`).toEqual([]);
}
