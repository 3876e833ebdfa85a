// harness.mjs: turns a spec file's `tests` — an array of { name, run, timeoutSeconds? } where run(t) is an async
// function receiving t = { page, baseUrl, url(path), screenshot(file, target?), axe(state, page?),
// newPage(options?) } — into @playwright/test tests. Each test has its own browser contexts (no
// cookies shared) and fails on a thrown error, a timeout or an uncaught error in the page's own
// JavaScript. Every screenshot is also an accessibility checkpoint: the page is checked with
// axe-core (WCAG 2.1 A/AA, axe.mjs) before it is saved, so every state a spec shows is checked.
import { test } from '@playwright/test';
import { expectNoAxeViolations, axeCheckedStates } from './axe.mjs';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const kDesktop = { viewport: { width: 1280, height: 800 }, locale: 'zh-TW' };

function screenshotDir() {
  const dir = join(process.env.XUEJI_BUILD_DIR || join(here, '..', '..', 'build'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// `specUrl` is the spec file's import.meta.url: its name heads the tests in the report.
export function registerTests(tests, specUrl) {
  if (!Array.isArray(tests) || tests.length === 0) throw new Error('a spec file exports no tests');
  const spec = basename(fileURLToPath(specUrl));
  test.describe(spec, () => {
    registerEach(tests, spec);
    test.afterAll(() => {
      const states = axeCheckedStates().filter((s) => s.startsWith(`${spec}: `));
      console.log(`axe: ${states.length} page states of ${spec} had 0 WCAG 2.1 A/AA violations`);
    });
  });
}

function registerEach(tests, spec) {
  const baseUrl = process.env.XUEJI_TEST_BASE_URL;
  for (const { name, run, timeoutSeconds } of tests) {
    test(name, async ({ page, browser }) => {
      // A long walk through many pages may ask for more than the config's minute.
      if (timeoutSeconds) test.setTimeout(timeoutSeconds * 1000);
      if (!baseUrl) throw new Error('XUEJI_TEST_BASE_URL is not set (ctest sets it)');
      const shotDir = screenshotDir();
      const pageErrors = [];
      const extraContexts = [];
      // The product shows no browser-native alert/confirm: its dialogs are part of the page.
      const nativeDialog = (dialog) => {
        pageErrors.push(new Error(`a native ${dialog.type()} dialog: ${dialog.message()}`));
        dialog.dismiss().catch(() => {});
      };
      page.on('pageerror', (error) => pageErrors.push(error));
      page.on('dialog', nativeDialog);
      const newPage = async (options = {}) => {
        const context = await browser.newContext({ ...kDesktop, ...options });
        extraContexts.push(context);
        const extra = await context.newPage();
        extra.setDefaultTimeout(15_000);
        extra.on('pageerror', (error) => pageErrors.push(error));
        extra.on('dialog', nativeDialog);
        return extra;
      };
      const t = {
        page,
        baseUrl,
        url: (path) => new URL(path, baseUrl).href,
        newPage,
        // Fails on any WCAG 2.1 A/AA violation axe-core finds in `target` as it is now.
        axe: (state, target = page) => expectNoAxeViolations(target, `${spec}: ${state}`),
        // A whole page is saved full length; a locator just as its element. Either way its page
        // is first checked with axe-core.
        screenshot: async (file, target = page) => {
          const isPage = typeof target.goto === 'function';
          await expectNoAxeViolations(isPage ? target : target.page(), `${spec}: ${file}`);
          return target.screenshot({ path: join(shotDir, file), ...(isPage ? { fullPage: true } : {}) });
        },
      };
      try {
        await run(t);
        if (pageErrors.length > 0) {
          throw new Error(`JavaScript error in the page: ${pageErrors[0].stack || pageErrors[0]}`);
        }
      } finally {
        await Promise.all(extraContexts.map((c) => c.close().catch(() => {})));
      }
    });
  }
}
