// run.mjs: run every *.spec.mjs here, in name order, in Debian's Chromium against the stack at
// XUEJI_TEST_BASE_URL; print one line per test and "N passed, N failed"; exit 1 on any failure.
//
// A spec file exports `tests`, an array of { name, run } where run(t) is an async function
// receiving t = { page, baseUrl, url(path), screenshot(file, target?), newPage(options?) }.
// Each test gets its own browser context (no cookies shared between tests) and fails on a
// thrown error, a timeout or an uncaught error in the page's own JavaScript.
import { readdirSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const kTestTimeoutMs = 60_000;
const kActionTimeoutMs = 15_000;
// Debian's Chromium, as platform-notes.md says: the background-networking flags keep it from
// calling out of a machine that has no network, and --no-sandbox is needed as root.
const kChromiumPath = '/usr/bin/chromium';
const kChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const kDesktop = { viewport: { width: 1280, height: 800 }, locale: 'zh-TW' };

function fail(message) {
  console.error(`browser tests: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

async function loadTests() {
  const files = readdirSync(here).filter((f) => f.endsWith('.spec.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const module = await import(pathToFileURL(join(here, file)).href);
    if (!Array.isArray(module.tests) || module.tests.length === 0) {
      throw new Error(`${file} exports no tests`);
    }
    for (const { name, run } of module.tests) tests.push({ name: `${file}: ${name}`, run });
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Runs one test in fresh contexts; returns the error it failed with, or null.
async function runTest(browser, test, baseUrl, shotDir) {
  const contexts = [];
  const pageErrors = [];
  const newPage = async (options = {}) => {
    const context = await browser.newContext({ ...kDesktop, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(kActionTimeoutMs);
    page.on('pageerror', (error) => pageErrors.push(error));
    return page;
  };
  try {
    const page = await newPage();
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
    await withTimeout(test.run(t), kTestTimeoutMs, 'the test');
    if (pageErrors.length > 0) {
      throw new Error(`JavaScript error in the page: ${pageErrors[0].stack}`);
    }
    return null;
  } catch (error) {
    // What the page looked like when it failed is the first thing anyone asks for.
    const slug = test.name.replace(/[^A-Za-z0-9]+/g, '-');
    const pages = contexts.flatMap((c) => c.pages());
    if (pages.length > 0) {
      await pages[pages.length - 1]
        .screenshot({ path: join(shotDir, `FAILED-${slug}.png`), fullPage: true })
        .catch(() => {});
    }
    return error;
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  }
}

async function main() {
  const baseUrl = process.env.XUEJI_TEST_BASE_URL;
  if (!baseUrl) fail('XUEJI_TEST_BASE_URL is not set (ctest sets it; or export it by hand)');
  const buildDir = process.env.XUEJI_BUILD_DIR || join(here, '..', '..', 'build');
  const shotDir = join(buildDir, 'screenshots');
  mkdirSync(shotDir, { recursive: true });

  let tests;
  try {
    tests = await loadTests();
  } catch (error) {
    fail(`cannot load the spec files: ${error.stack}`);
  }
  if (tests.length === 0) fail(`no *.spec.mjs with tests in ${here}`);

  let browser;
  try {
    // launch() gives Chromium a fresh --user-data-dir in a temporary directory, removed on close.
    browser = await chromium.launch({
      executablePath: kChromiumPath,
      headless: true,
      args: kChromiumArgs,
    });
  } catch (error) {
    fail(`cannot start ${kChromiumPath}: ${error.message}`);
  }

  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      const error = await runTest(browser, test, baseUrl, shotDir);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (error) {
        failed++;
        console.log(`FAIL ${test.name} (${seconds} s)`);
        console.log(String(error.stack || error).replace(/^/gm, '    '));
      } else {
        passed++;
        console.log(`ok   ${test.name} (${seconds} s)`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`screenshots in ${shotDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
