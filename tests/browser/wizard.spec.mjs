// wizard.spec.mjs: the application wizard in Chromium as a teacher does it — 身分驗證, E-Mail驗證
// with the manual's dialog, the code page's live countdown and resend cooldown, 帳號申請 with both
// eye toggles, 申請完成 — with a screenshot of every step. The staff record is made with
// xueji-ctl, the code is read from the outbox, as the mail would carry it.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { ctl, sql, digits, newNationalId, captchaLoaded, pageDialog, answerDialog } from './support.mjs';

const kPassword = 'Blue-Harbor-42x';
const kSentMessage =
  '請前往您的 E-Mail 收取信件，各 E-Mail 收信速度不同，並非即時收到信件，請稍等 1~3 分鐘';

function captcha() {
  const answer = process.env.XUEJI_CAPTCHA_FIXED;
  if (!answer) throw new Error('XUEJI_CAPTCHA_FIXED is not set (the test stack fixes the captcha)');
  return answer;
}

function mask(id) {
  return id.slice(0, 3) + '****' + id.slice(7);
}

function addStaff(name, birth, phone) {
  const id = newNationalId();
  const code = `WB${digits(8)}`;
  ctl('school', 'add', '--code', code, '--name', '瀏覽器測試國小');
  ctl('staff', 'add', '--school', code, '--national-id', id, '--name', name, '--birth-date', birth,
    '--phone', phone);
  return { id, birth, name, phone };
}

function mailedCode(address) {
  const code = sql(`SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '${address}' ORDER BY id DESC LIMIT 1`);
  assert.match(code, /^[A-Z]{2}-\d{6}$/, `a code was mailed to ${address}`);
  return code;
}

function seconds(mmss) {
  const m = /^(\d\d):(\d\d)/.exec(mmss);
  assert.ok(m, `a mm:ss countdown, got 「${mmss}」`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const tests = [
  {
    name: 'a teacher applies for an account from start to finish',
    async run(t) {
      const { page } = t;
      const staff = addStaff('吳青', '1986-01-02', '0912-345-678');
      const address = `wb${digits(10)}@example.com`;

      // 身分驗證
      await page.goto(t.url('/login'));
      await page.click('a[href="/apply/identity"]');
      await page.waitForURL('**/apply/identity');
      await captchaLoaded(page);
      assert.equal(await page.locator('.steps li.current').innerText(), '身分驗證');
      await page.fill('#national_id', staff.id.toLowerCase());
      await page.fill('#birth_date', staff.birth);
      await page.fill('#captcha', captcha());
      await t.screenshot('wizard-1-identity.png');
      await page.click('#identity-submit');

      // E-Mail驗證
      await page.waitForURL('**/apply/email');
      await captchaLoaded(page);
      assert.equal((await page.locator('#greeting').innerText()).trim(), '吳青 您好：');
      assert.equal(await page.inputValue('#id_masked'), mask(staff.id));
      assert.equal(await page.inputValue('#birth_date_shown'), staff.birth);
      assert.equal(await page.locator('.steps li.done').count(), 1);
      await page.fill('#email', address);
      await page.fill('#captcha', captcha());
      await t.screenshot('wizard-2-email.png');
      await page.click('#email-submit');

      // 輸入驗證代碼: the manual's dialog, the code's letters, a live countdown, a resend cooldown.
      // ⑩: the message window with 確定 alone, focus on 確定, then on the code field.
      await page.waitForURL('**/apply/verify');
      await pageDialog(page).waitFor();
      assert.equal(await pageDialog(page).count(), 1, 'the manual\'s message is shown once');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '確定');
      assert.equal(await pageDialog(page).getByRole('button').count(), 1, '確定 alone');
      await t.screenshot('wizard-3-verify-message.png');
      await answerDialog(page, '確定', kSentMessage);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'code');
      assert.ok((await page.locator('#sent-address').innerText()).includes(address));
      const code = mailedCode(address);
      assert.equal(await page.locator('#code-prefix').innerText(), code.slice(0, 2));
      const first = seconds(await page.locator('#time-left').innerText());
      assert.ok(first > 280 && first <= 300, `about 5 minutes left, got ${first} s`);
      assert.ok(await page.locator('#resend').isDisabled(), 'resend waits for its cooldown');
      assert.match(await page.locator('#resend').innerText(), /（[23]:[0-5]\d 後可按）/);
      await page.waitForTimeout(2100);
      const later = seconds(await page.locator('#time-left').innerText());
      assert.ok(later <= first - 1, `the countdown runs (${first} → ${later})`);
      await t.screenshot('wizard-3-verify.png');
      await page.fill('#code', code.slice(3));
      await page.click('#verify-submit');

      // 帳號申請: read-only data, the phone pre-filled, both eyes show and hide.
      await page.waitForURL('**/apply/account');
      await captchaLoaded(page);
      assert.equal((await page.locator('#greeting').innerText()).trim(), '吳青您好：');
      assert.equal(await page.inputValue('#email_shown'), address);
      // Pre-filled as xueji-ctl stored it (digits only).
      assert.equal(await page.inputValue('#phone'), '0912345678');
      const name = `wz${digits(8)}x`;
      await page.fill('#account', name);
      await page.fill('#password', kPassword);
      await page.fill('#password_confirm', kPassword);
      for (const [eye, field] of [['#password-eye', '#password'], ['#password-confirm-eye', '#password_confirm']]) {
        assert.equal(await page.getAttribute(field, 'type'), 'password');
        await page.click(eye);
        assert.equal(await page.getAttribute(field, 'type'), 'text', `${eye} shows the password`);
        assert.equal(await page.getAttribute(eye, 'aria-pressed'), 'true');
      }
      await page.fill('#captcha', captcha());
      await t.screenshot('wizard-4-account.png');
      await page.click('#password-confirm-eye');
      assert.equal(await page.getAttribute('#password_confirm', 'type'), 'password', 'and hides it again');
      await page.click('#account-submit');

      // 申請完成
      await page.waitForURL('**/apply/done');
      assert.ok((await page.locator('#done-message').innerText()).includes(
        '已申請完成，請前往登入頁面使用個人業務帳號及密碼登入。'));
      assert.equal(await page.locator('.steps li.done').count(), 4);
      await t.screenshot('wizard-5-done.png');
      assert.equal(sql(`SELECT COUNT(*) FROM accounts WHERE login_key = '${name}'`), '1');

      // The back button after completion lands on the completion page, not a form to resend.
      await page.goBack();
      await page.waitForURL('**/apply/done');
      await page.click('#done-login');
      await page.waitForURL('**/login');
    },
  },
  {
    name: 'a refused password keeps the other entries and shows the rule at its field, on a phone',
    async run(t) {
      const phone = await t.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
        isMobile: true, hasTouch: true });
      const staff = addStaff('林老師', '1990-05-06', '02-2345-6789');
      const address = `wb${digits(10)}@example.com`;
      await phone.goto(t.url('/apply/identity'));
      await captchaLoaded(phone);
      await phone.fill('#national_id', staff.id);
      await phone.fill('#birth_date', staff.birth);
      await phone.fill('#captcha', captcha());
      await phone.click('#identity-submit');
      await phone.waitForURL('**/apply/email');
      await captchaLoaded(phone);
      await phone.fill('#email', address);
      await phone.fill('#captcha', captcha());
      await phone.click('#email-submit');
      await phone.waitForURL('**/apply/verify');
      await t.screenshot('wizard-3-verify-message-phone.png', phone);
      await answerDialog(phone, '確定', kSentMessage);
      await t.screenshot('wizard-3-verify-phone.png', phone);
      await phone.fill('#code', mailedCode(address).slice(3));
      await phone.click('#verify-submit');
      await phone.waitForURL('**/apply/account');
      await captchaLoaded(phone);
      const name = `wz${digits(8)}x`;
      await phone.fill('#account', name);
      await phone.fill('#password', 'short');
      await phone.fill('#password_confirm', 'short');
      await phone.fill('#captcha', captcha());
      await phone.click('#account-submit');
      await phone.waitForSelector('#password-error');
      assert.match(await phone.locator('#password-error').innerText(), /密碼長度須為 12 至 64 個字元/);
      assert.equal(await phone.inputValue('#account'), name, 'the account entry is kept');
      assert.equal(await phone.inputValue('#password'), '', 'the password is never echoed');
      await captchaLoaded(phone);
      await t.screenshot('wizard-4-account-refused-phone.png', phone);
    },
  },
];

registerTests(tests, import.meta.url);
