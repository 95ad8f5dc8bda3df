// Saves a PNG of every page in scripts/pages.json (see scripts/screenshots.sh, which starts the server).
// Uses playwright-core with the system Chromium: never a downloaded browser.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildScene, fill, signIn } from './scene.mjs';
import { viewerScreenshots } from './viewer-screenshots.mjs';

const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, user: { type: 'string', default: 'admin' }, password: { type: 'string' },
  samples: { type: 'string', default: '../shared/sample-data' }, out: { type: 'string', default: 'docs/screenshots' },
} });
const { pages } = JSON.parse(readFileSync(new URL('./pages.json', import.meta.url)));

const token = await signIn(args.url, args.user, args.password);
const scene = await buildScene(args.url, token, args.samples);
mkdirSync(args.out, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
try {
  const anonymous = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signedIn = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const login = await signedIn.newPage();
  await login.goto(`${args.url}/login`);
  await login.fill('input[name=userName]', args.user);
  await login.fill('input[name=password]', args.password);
  await Promise.all([login.waitForURL((u) => !u.pathname.startsWith('/login')), login.click('form button[type=submit]')]);
  for (const page of pages) {
    const tab = await (page.signedIn === false ? anonymous : signedIn).newPage();
    const response = await tab.goto(args.url + fill(page.path, scene));
    await tab.evaluate(() => document.fonts.ready);
    // A viewer page is done when its canvas is sharp, not when the document has loaded.
    if (await tab.$('[data-viewer-canvas]')) await tab.waitForSelector('[data-viewer-canvas]:is([data-state=sharp], [data-state=empty])', { timeout: 60000 });
    const file = `${args.out}/${page.name}.png`;
    await tab.screenshot({ path: file, fullPage: true });
    console.log(`${response?.status()} ${page.path} → ${file}`);
    if (!response?.ok()) process.exitCode = 1; // a screenshot of an error page is no screenshot of the page
    await tab.close();
  }
} finally {
  await browser.close();
}
await viewerScreenshots({ url: args.url, token, user: args.user, password: args.password, samples: args.samples, out: args.out });
