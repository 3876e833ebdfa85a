// playwright.config.mjs: the browser suite on @playwright/test, in Debian's Chromium against the
// stack at XUEJI_TEST_BASE_URL (ctest sets it). One worker: the specs share one stack. No
// retries: a flaky test is a defect to fix. A failed test keeps its trace and a screenshot.
import { defineConfig } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = process.env.XUEJI_BUILD_DIR || join(here, '..', '..', 'build');

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.mjs',
  outputDir: join(buildDir, 'playwright-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: process.env.XUEJI_TEST_BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-TW',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium, as platform-notes.md says: the background-networking flags keep it
      // from calling out of a machine that has no network; --no-sandbox is needed as root.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
