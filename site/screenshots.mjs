#!/usr/bin/env node
// Takes the README's screenshots of the built page (run `npm run site` first) in the system's
// Chromium: site/screenshots/check.png (the seed's zone as published, pasted), build.png (the example
// spec), explain.png (where the clients end up with the seed's zone), records.png (its records for Cloudflare's console), phone.png (the Check view at phone width). Needs ../shared/seeds (the seed zone).
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const seed = readFileSync(process.env.ZONESMITH_SHARED ? `${process.env.ZONESMITH_SHARED}/seeds/example.com.as-published.dns` : here('../../shared/seeds/example.com.as-published.dns'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--renderer-process-limit=1'],
});
const url = pathToFileURL(here('dist/index.html')).href;

async function checkView(page, hover = true) {
  await page.goto(url);
  await page.fill('#check-origin', 'example.com');
  await page.evaluate((text) => {
    const { view, check } = window.zonesmith.check;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    check();
  }, seed);
  if (!hover) return;
  await page.locator('#check-findings .finding[data-rule="relative-name-looks-absolute"]').click();
  await page.locator('.cm-lintRange', { hasText: 'dns.mydnsprovider.org' }).first().hover();
  await page.locator('.cm-tooltip-lint').waitFor();
}

const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await checkView(wide);
await wide.screenshot({ path: here('screenshots/check.png') });
await wide.mouse.move(0, 0);
await wide.click('#tab-explain');
await wide.locator('#explain-out .client').first().waitFor();
await wide.evaluate(() => window.scrollTo(0, 0));
await wide.screenshot({ path: here('screenshots/explain.png') });
await wide.click('#tab-build');
await wide.setViewportSize({ width: 1280, height: 1000 });
await wide.screenshot({ path: here('screenshots/build.png') });
await wide.selectOption('#build-provider', 'cloudflare');
await wide.locator('#build-records-title').evaluate((title) => title.scrollIntoView());
await wide.screenshot({ path: here('screenshots/records.png') });
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
await checkView(phone, false);
await phone.screenshot({ path: here('screenshots/phone.png') });
await browser.close();
console.log('site/screenshots/: check.png, explain.png, build.png, records.png, phone.png');
