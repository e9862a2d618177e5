import { chromium } from '@playwright/test';
import type { ResultRow } from './report';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Median first contentful paint over `runs` cold loads (a new browser context each time). */
export async function firstContentfulPaint(baseUrl: string, pages: { name: string; path: string; cookie: string | null }[], runs = 7): Promise<ResultRow[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const rows: ResultRow[] = [];
  try {
    for (const page of pages) {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        if (page.cookie) {
          const [name, value] = page.cookie.split('=');
          await context.addCookies([{ name: name ?? '', value: value ?? '', url: baseUrl }]);
        }
        const tab = await context.newPage();
        await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'load' });
        const fcp = await tab.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const entry = performance.getEntriesByName('first-contentful-paint')[0];
              if (entry) return resolve(entry.startTime);
              new PerformanceObserver((list) => {
                const first = list.getEntriesByName('first-contentful-paint')[0];
                if (first) resolve(first.startTime);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        samples.push(fcp);
        await context.close();
      }
      samples.sort((a, b) => a - b);
      rows.push({ metric: `FCP ${page.name}`, value: samples[Math.floor(samples.length / 2)] ?? 0, unit: 'ms', note: `median of ${runs} cold loads, headless Chromium, loopback` });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
