import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { esglint, fixture, root } from '../helpers/run.js';

// Debian's Chromium (apt-get install chromium; .ci/run installs it). Without it the test is
// skipped and says so.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html.browser.test.ts: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);

const outputDir = join(root, 'test', 'output');

describe.skipIf(!hasChromium)('the HTML report in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];
  let userDataDir: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esglint-html-'));
    const file = join(dir, 'gaps.html');
    // Two reports: a Markdown draft with gaps, and the Traditional Chinese PDF-text fixture.
    const r = esglint(['check', fixture('en', 'omissions.md'), fixture('zh-Hant', 'complete-2024.txt'), '--framework', 'hkex', '--no-config', '-f', 'html', '-o', file]);
    expect(r.stderr).toBe('');
    userDataDir = mkdtempSync(join(tmpdir(), 'esglint-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(file).href);
  }, 60000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  const visibleItems = () => page.locator('tr.item:visible').count();

  it('loads without console errors and requests nothing from the network', async () => {
    await expect.poll(() => page.locator('#shown').textContent()).toMatch(/^showing \d+ of \d+ clauses$/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('filters clauses by status when a status button is clicked, and back', async () => {
    const total = await page.locator('tr.item').count();
    const addressed = await page.locator('tr.item[data-status="addressed"]').count();
    expect(total).toBeGreaterThan(addressed);
    expect(await visibleItems()).toBe(total);
    await page.click('button[data-filter="status"][data-value="addressed"]');
    expect(await page.getAttribute('button[data-filter="status"][data-value="addressed"]', 'aria-pressed')).toBe('false');
    expect(await visibleItems()).toBe(total - addressed);
    expect(await page.locator('tr.item[data-status="addressed"]:visible').count()).toBe(0);
    expect(await page.locator('#shown').textContent()).toBe(`showing ${total - addressed} of ${total} clauses`);
    await page.click('button[data-filter="status"][data-value="addressed"]');
    expect(await visibleItems()).toBe(total);
  });

  it('hides every clause when the framework is switched off, and says so', async () => {
    await page.click('button[data-filter="framework"][data-value="hkex"]');
    expect(await visibleItems()).toBe(0);
    expect(await page.locator('tr.group:visible').count()).toBe(0);
    expect(await page.locator('p.empty:visible').count()).toBeGreaterThan(0);
    await page.click('button[data-filter="framework"][data-value="hkex"]');
    expect(await visibleItems()).toBe(await page.locator('tr.item').count());
  });

  it('shows only missing clauses and error findings, and writes a screenshot', async () => {
    for (const s of ['addressed', 'partial', 'explained']) await page.click(`button[data-filter="status"][data-value="${s}"]`);
    for (const s of ['warning', 'info']) await page.click(`button[data-filter="severity"][data-value="${s}"]`);
    const missing = await page.locator('tr.item[data-status="missing"]').count();
    expect(missing).toBeGreaterThan(0);
    expect(await visibleItems()).toBe(missing);
    expect(await page.locator('tr.finding:visible').count()).toBe(await page.locator('tr.finding[data-severity="error"]').count());
    // B8 is deleted from the English fixture: it is among the rows still shown.
    expect(await page.locator('tr.item:visible td.id', { hasText: /^B8$/ }).count()).toBeGreaterThan(0);
    mkdirSync(outputDir, { recursive: true });
    const shot = join(outputDir, 'html-report-missing-only.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(existsSync(shot)).toBe(true);
    // The unfiltered page too, for a person to look at.
    await page.reload();
    await page.screenshot({ path: join(outputDir, 'html-report.png'), fullPage: false });
    expect(errors).toEqual([]);
  });

  it('prints with the filters hidden and the evidence details open', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.filters').isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const closed = await page.locator('details:not([open])').count();
    expect(closed).toBe(0);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    writeFileSync(join(outputDir, 'html-report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
