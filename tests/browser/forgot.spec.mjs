// forgot.spec.mjs: 忘記密碼 and 忘記帳號 in Chromium as a teacher does them — from the login page's
// links, the form, the neutral dialog, the reset page's letters, countdown and resend cooldown, a
// wrong code, the eye toggle, the reset, the login with the new password; then 忘記帳號's neutral
// notice — with a screenshot of every page. The account is made with xueji-ctl and its e-mail
// marked verified with SQL; the code is read from the outbox, as the mail carries it.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { env, ctl, sql, digits, newNationalId, captchaLoaded, pageDialog, answerDialog } from './support.mjs';

const kOldPassword = 'Amber-Gate-Lantern-46';
const kNewPassword = 'Silver-Pine-Harbor-73';
const kBirth = '1981-11-23';
const kSentMessage =
  '若資料正確，系統已寄送驗證代碼至您的 E-Mail，請前往您的 E-Mail 收取信件，各 E-Mail 收信速度不同，並非即時收到信件，請稍等 1~3 分鐘。';
const kResetSubject = '【國民中小學學籍管理系統 2.0】重設密碼通知信';
const kAccountSubject = '【國民中小學學籍管理系統 2.0】帳號查詢通知信';

// A teacher with a duty and an account whose e-mail the wizard verified.
function addTeacher() {
  const school = `FB${digits(6)}`;
  const id = newNationalId();
  const name = `陳老師${digits(2)}`;
  const account = `tw${digits(8)}x`;  // not ID-shaped (no "FB" + 8 digits), so the mail shows it whole
  const email = `fb${digits(10)}@example.com`;
  ctl('school', 'add', '--code', school, '--name', '瀏覽器忘記密碼測試國小');
  ctl('staff', 'add', '--school', school, '--national-id', id, '--name', name,
    '--birth-date', kBirth);
  ctl('duty', 'assign', '--school', school, '--national-id', id, '--duty', '教務');
  ctl('account', 'add-legacy', '--national-id', id, '--account', account,
    '--password', kOldPassword, '--email', email);
  sql(`UPDATE accounts SET email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = '${account}'`);
  return { id, name, account, email };
}

function mailed(address, subject) {
  return sql(`SELECT body FROM outbox WHERE recipient = '${address}' AND subject = '${subject}' ORDER BY id DESC LIMIT 1`);
}

function mailedCode(address) {
  const match = /([A-Z]{2})-(\d{6})/.exec(mailed(address, kResetSubject).replace(/\\n/g, '\n'));
  assert.ok(match, `a reset code was mailed to ${address}`);
  return { prefix: match[1], digits: match[2] };
}

function seconds(mmss) {
  const m = /^(\d\d):(\d\d)/.exec(mmss);
  assert.ok(m, `a mm:ss countdown, got 「${mmss}」`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export const tests = [
  {
    name: 'a teacher resets a forgotten password with the mailed code',
    async run(t) {
      const { page } = t;
      const teacher = addTeacher();

      // From the login page's link to the form.
      await page.goto(t.url('/login'));
      await page.click('a[href="/forgot/password"]');
      await page.waitForURL('**/forgot/password');
      await captchaLoaded(page);
      assert.match(await page.locator('#forgot-notes').innerText(), /僅限已驗證E-Mail之業務承辦人操作/);
      await page.fill('#national_id', teacher.id.toLowerCase());
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await t.screenshot('forgot-1-form.png');
      await page.click('#forgot-submit');

      // The reset page: the neutral sentence as a dialog once, the mail's letters, a running
      // countdown, the resend button waiting for its cooldown; no address, no account name.
      await page.waitForURL('**/forgot/password/reset');
      await pageDialog(page).waitFor();
      assert.equal(await pageDialog(page).count(), 1, 'the neutral message is shown once');
      await t.screenshot('forgot-2-reset-message.png');
      await answerDialog(page, '確定', kSentMessage);
      const body = await page.locator('main').innerText();
      assert.ok(!body.includes(teacher.email) && !body.includes(teacher.account));
      const code = mailedCode(teacher.email);
      assert.equal(await page.locator('#code-prefix').innerText(), code.prefix);
      const first = seconds(await page.locator('#time-left').innerText());
      assert.ok(first > 280 && first <= 300, `about 5 minutes left, got ${first} s`);
      assert.ok(await page.locator('#resend').isDisabled(), 'resend waits for its cooldown');
      await page.waitForTimeout(2100);
      assert.ok(seconds(await page.locator('#time-left').innerText()) <= first - 1);
      await t.screenshot('forgot-2-reset.png');

      // A wrong code is refused next to the field; nothing changes.
      const wrong = code.digits === '000000' ? '111111' : '000000';
      await page.fill('#code', wrong);
      await page.fill('#new-password', kNewPassword);
      await page.fill('#new-password-confirm', kNewPassword);
      await Promise.all([page.waitForNavigation(), page.click('#reset-submit')]);
      assert.match(await page.locator('#code-error').innerText(), /驗證代碼錯誤.*還可再試 4 次/);
      await t.screenshot('forgot-3-wrong-code.png');

      // The eye shows the new password; the right code resets it.
      await page.fill('#code', code.digits);
      await page.fill('#new-password', kNewPassword);
      await page.fill('#new-password-confirm', kNewPassword);
      await page.click('button[data-toggle-password="new-password"]');
      assert.equal(await page.locator('#new-password').getAttribute('type'), 'text');
      await t.screenshot('forgot-4-password-shown.png');
      await Promise.all([page.waitForNavigation(), page.click('#reset-submit')]);
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.match(await page.locator('.notice').innerText(), /密碼已重設成功/);
      await t.screenshot('forgot-5-done.png');

      // The new password logs in; the old one no longer does.
      await captchaLoaded(page);
      await page.fill('#account', teacher.account);
      await page.fill('#password', kNewPassword);
      await page.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      assert.notEqual(new URL(page.url()).pathname, '/login', 'the new password logs in');
      assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE recipient = '${teacher.email}' AND subject = '【國民中小學學籍管理系統 2.0】密碼已重設通知'`), '1');
    },
  },
  {
    name: 'a teacher asks for a forgotten account name and gets it by mail only',
    async run(t) {
      const { page } = t;
      const teacher = addTeacher();
      await page.goto(t.url('/login'));
      await page.click('a[href="/forgot/account"]');
      await page.waitForURL('**/forgot/account');
      await captchaLoaded(page);
      await page.fill('#national_id', teacher.id);
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await t.screenshot('forgot-6-account-form.png');
      await Promise.all([page.waitForNavigation(), page.click('#forgot-submit')]);
      assert.equal(new URL(page.url()).pathname, '/forgot/account');
      assert.match(await page.locator('#sent-notice').innerText(), /若資料正確，系統已將您的個人業務帳號寄送至您已驗證的 E-Mail/);
      assert.ok(!(await page.content()).includes(teacher.account), 'the name is not on the page');
      assert.ok(mailed(teacher.email, kAccountSubject).includes(teacher.account), 'the name is in the mail');
      await t.screenshot('forgot-7-account-sent.png');
      // On a phone-sized screen the form still fits.
      const phone = await t.newPage({ viewport: { width: 375, height: 740 } });
      await phone.goto(t.url('/forgot/password'));
      await captchaLoaded(phone);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, 'no sideways scrolling on a phone');
      await t.screenshot('forgot-8-phone.png', phone);
    },
  },
];

registerTests(tests, import.meta.url);
