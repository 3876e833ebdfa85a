// harness.mjs: turns a spec file's `tests` — an array of { name, run } where run(t) is an async
// function receiving t = { page, baseUrl, url(path), screenshot(file, target?), newPage(options?) }
// — into @playwright/test tests. Each test has its own browser contexts (no cookies shared) and
// fails on a thrown error, a timeout or an uncaught error in the page's own JavaScript.
import { test } from '@playwright/test';
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
  test.describe(basename(fileURLToPath(specUrl)), () => registerEach(tests));
}

function registerEach(tests) {
  const baseUrl = process.env.XUEJI_TEST_BASE_URL;
  for (const { name, run } of tests) {
    test(name, async ({ page, browser }) => {
      if (!baseUrl) throw new Error('XUEJI_TEST_BASE_URL is not set (ctest sets it)');
      const shotDir = screenshotDir();
      const pageErrors = [];
      const extraContexts = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      const newPage = async (options = {}) => {
        const context = await browser.newContext({ ...kDesktop, ...options });
        extraContexts.push(context);
        const extra = await context.newPage();
        extra.setDefaultTimeout(15_000);
        extra.on('pageerror', (error) => pageErrors.push(error));
        return extra;
      };
      const t = {
        page,
        baseUrl,
        url: (path) => new URL(path, baseUrl).href,
        newPage,
        // A whole page is saved full length; a locator just as its element.
        screenshot: (file, target = page) =>
          target.screenshot({
            path: join(shotDir, file),
            ...(typeof target.goto === 'function' ? { fullPage: true } : {}),
          }),
      };
      try {
        await run(t);
        if (pageErrors.length > 0) {
          throw new Error(`JavaScript error in the page: ${pageErrors[0].stack}`);
        }
      } finally {
        await Promise.all(extraContexts.map((c) => c.close().catch(() => {})));
      }
    });
  }
}
