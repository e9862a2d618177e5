// Debian's Chromium (`npx playwright install` cannot download browsers here), with the flags every
// project and every spec that launches its own browser uses.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
