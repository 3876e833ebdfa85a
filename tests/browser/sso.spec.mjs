// sso.spec.mjs: single sign-on in Chromium (issue 17) — the demo application /app/ behind nginx's
// auth_request sends a visitor to the login page; password, captcha and the authenticator's code
// later the person is back on /app/, which shows their school and duties from /auth's headers;
// 登出 there (confirmed with our own POST) ends the session for every application.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { env, ctl, digits, newNationalId, captchaLoaded, totp } from './support.mjs';

const kPassword = 'Quiet-Maple-Bridge-58';

export const tests = [
  {
    name: '/app/ → login → password → TOTP → back on /app/ with the duties; logout ends it everywhere',
    async run(t) {
      const { page } = t;
      const school = `SO${digits(6)}`;
      const id = newNationalId();
      const name = `陳老師${digits(2)}`;
      const account = `sso${digits(6)}`;
      ctl('school', 'add', '--code', school, '--name', '單一登入測試國小');
      ctl('staff', 'add', '--school', school, '--national-id', id, '--name', name,
        '--birth-date', '1981-06-02');
      ctl('duty', 'assign', '--school', school, '--national-id', id, '--duty', '教務');
      const changed = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
      ctl('account', 'add-legacy', '--national-id', id, '--account', account,
        '--password', kPassword, '--password-changed', changed);

      // 1. The protected application sends a stranger to the login page, remembering /app/.
      await page.goto(t.url('/app/'));
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(new URL(page.url()).searchParams.get('rd'), '/app/');
      await captchaLoaded(page);
      await page.fill('#account', account);
      await page.fill('#password', kPassword);
      await page.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await t.screenshot('sso-1-login.png');
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);

      // 2. The authenticator is bound (the account had none), with a code the "app" computes.
      assert.equal(new URL(page.url()).pathname, '/2fa/bind');
      const key = (await page.locator('#totp-key').innerText()).trim();
      await page.fill('#otp', totp(key));
      await Promise.all([page.waitForNavigation({ url: /\/app\/$/ }),
        page.click('#bind-form button[type="submit"]')]);

      // 3. Back on /app/: the person, the school and the duty, from nginx's /auth headers.
      assert.equal(new URL(page.url()).pathname, '/app/');
      const shown = await page.locator('main').innerText();
      for (const text of [name, account, school, '教務', '功能選單']) {
        assert.ok(shown.includes(text), `/app/ shows 「${text}」`);
      }
      await t.screenshot('sso-2-app.png');

      // 4. 登出 on /app/: confirmed with our own form, and every application is closed again.
      await Promise.all([page.waitForNavigation(), page.click('#app-logout')]);
      assert.equal(new URL(page.url()).pathname, '/oidc/logout');
      await t.screenshot('sso-3-logout.png');
      await Promise.all([page.waitForNavigation(), page.click('#logout-button')]);
      assert.equal(new URL(page.url()).pathname, '/login');
      await page.goto(t.url('/app/'));
      assert.equal(new URL(page.url()).pathname, '/login');
      await page.goto(t.url('/home'));
      assert.equal(new URL(page.url()).pathname, '/login');
    },
  },
];

registerTests(tests, import.meta.url);
