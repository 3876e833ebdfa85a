// a11y.spec.mjs: accessibility in Chromium (issue 21) — every refusal message of every form and
// every page dialog checked with axe-core (WCAG 2.1 A/AA, zero violations); the whole wizard and a
// login walked with the keyboard alone, each focused element showing a visible focus ring and the
// dialogs answering Enter and Esc; the main pages at 200% zoom and on a 375×667 phone without
// sideways scrolling, saved as screenshots, and the 操作手冊's figures taken the same way. Records are made with xueji-ctl, codes read from the
// outbox as the mail carries them.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, ctl, sql, digits, newNationalId, captchaLoaded, pageDialog, answerDialog, totp } from
  './support.mjs';

const kRepo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const kPassword = 'Green-Valley-Stone-29';
const kNewPassword = 'Copper-Field-Window-71';
const kBirth = '1984-07-15';

function captcha() {
  return env('XUEJI_CAPTCHA_FIXED');
}

function wrongCaptcha() {
  return captcha() === '0000' ? '1111' : '0000';
}

// A staff record (with 教務 unless `duty` is null) in a fresh school.
function addStaff(name, duty = '教務') {
  const school = `AX${digits(6)}`;
  const id = newNationalId();
  ctl('school', 'add', '--code', school, '--name', '無障礙測試國小');
  ctl('staff', 'add', '--school', school, '--national-id', id, '--name', name,
    '--birth-date', kBirth, '--phone', '0912345678');
  if (duty) ctl('duty', 'assign', '--school', school, '--national-id', id, '--duty', duty);
  return { school, id, name };
}

// A staff member with an account that passes today's rules and was changed 3 days ago.
function addTeacher(name, duty = '教務') {
  const staff = addStaff(name, duty);
  const account = `axw${digits(6)}y`;
  const changed = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const email = `ax${digits(10)}@example.com`;
  ctl('account', 'add-legacy', '--national-id', staff.id, '--account', account,
    '--password', kPassword, '--password-changed', changed, '--email', email);
  sql(`UPDATE accounts SET email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = '${account}'`);
  return { ...staff, account, email, key: '' };
}

function mailedCode(address) {
  const code = sql(`SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '${address}' ORDER BY id DESC LIMIT 1`);
  assert.match(code, /^[A-Z]{2}-\d{6}$/, `a code was mailed to ${address}`);
  return code;
}

function forgetUsedStep(account) {
  sql(`UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('${account}')`);
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// A refused POST re-renders the form with its message: waits for one, then checks the page.
async function refused(t, page, state) {
  await page.locator('.form-message, .field-error').first().waitFor();
  if (await page.locator('#captcha-image').count()) await captchaLoaded(page);
  await t.axe(state, page);
}

async function fillLogin(page, account, password, answer = captcha()) {
  await captchaLoaded(page);
  await page.fill('#account', account);
  await page.fill('#password', password);
  await page.fill('#captcha', answer);
}

// Password, captcha, and the authenticator (bound on the first login, its key kept).
async function logIn(t, page, p, password = kPassword) {
  await page.goto(t.url('/login'));
  await fillLogin(page, p.account, password);
  await submit(page, '#login-form button[type="submit"]');
  const path = new URL(page.url()).pathname;
  if (path === '/2fa/bind') {
    p.key = (await page.locator('#totp-key').innerText()).trim();
    await page.fill('#otp', totp(p.key));
    await submit(page, '#bind-form button[type="submit"]');
  } else if (path === '/2fa') {
    forgetUsedStep(p.account);
    await page.fill('#otp', totp(p.key));
    await submit(page, '#twofa-form button[type="submit"]');
  }
}

// ---- The keyboard walk ----

// Remembers how every focusable element looks unfocused, to compare with its focused look.
async function recordUnfocused(page) {
  await page.evaluate(() => {
    const looks = new Map();
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    for (const el of document.querySelectorAll(selector)) {
      if (el === document.activeElement) continue;
      const s = getComputedStyle(el);
      looks.set(el, [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|'));
    }
    window.xuejiUnfocusedLooks = looks;
  });
}

// The focused element, and whether it shows a focus indicator: an outline or shadow that is
// there and differs from its unfocused look.
async function focusedInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', visible: false };
    const s = getComputedStyle(el);
    const look = [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');
    const hasRing = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
      s.boxShadow !== 'none';
    const before = window.xuejiUnfocusedLooks && window.xuejiUnfocusedLooks.get(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 30),
      visible: hasRing && (before === undefined || before !== look) && rect.width > 0,
      look,
      before,
    };
  });
}

function describe(info) {
  return `${info.tag}${info.id ? '#' + info.id : ''}「${info.text}」`;
}

async function expectVisibleFocus(page, where) {
  const info = await focusedInfo(page);
  assert.ok(info.visible, `${where}: ${describe(info)} shows no focus indicator ` +
    `(focused ${info.look}, unfocused ${info.before})`);
  return info;
}

// Presses Tab (or Shift+Tab) until the focused element matches `selector`, checking the focus
// ring of every element passed on the way.
async function tabTo(page, selector, { back = false, max = 40 } = {}) {
  if (await page.evaluate((s) => document.activeElement.matches(s), selector)) {
    return expectVisibleFocus(page, new URL(page.url()).pathname);
  }
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const info = await expectVisibleFocus(page, new URL(page.url()).pathname);
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return info;
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}

async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

async function arrive(page, path) {
  await page.waitForURL(`**${path}`);
  await page.waitForLoadState('load');
  if (await page.locator('#captcha-image').count()) await captchaLoaded(page);
  await recordUnfocused(page);
}

async function focusedId(page) {
  return page.evaluate(() => document.activeElement.id);
}

async function focusedText(page) {
  return page.evaluate(() => document.activeElement.textContent.trim());
}

// ---- Screens at 200% zoom and on a phone ----

// Goes through the main pages, calling visit(name) on each: login, the wizard, 忘記密碼,
// 忘記帳號, 雙因子綁定, home, 修改帳號, 修改密碼, 雙因子認證, the 操作手冊.
async function visitMainPages(t, page, visit) {
  await page.goto(t.url('/login'));
  await captchaLoaded(page);
  await visit('login');
  const staff = addStaff('高縮放');
  const address = `ax${digits(10)}@example.com`;
  await page.goto(t.url('/apply/identity'));
  await captchaLoaded(page);
  await visit('apply-1-identity');
  await page.fill('#national_id', staff.id);
  await page.fill('#birth_date', kBirth);
  await page.fill('#captcha', captcha());
  await submit(page, '#identity-submit');
  await captchaLoaded(page);
  await visit('apply-2-email');
  await page.fill('#email', address);
  await page.fill('#captcha', captcha());
  await submit(page, '#email-submit');
  await pageDialog(page).waitFor();
  await visit('apply-3-verify-message');
  await answerDialog(page, '確定');
  await visit('apply-3-verify');
  await page.fill('#code', mailedCode(address).slice(3));
  await submit(page, '#verify-submit');
  await captchaLoaded(page);
  await visit('apply-4-account');
  const p = { account: `azw${digits(6)}y`, key: '' };
  await page.fill('#account', p.account);
  await page.fill('#password', kPassword);
  await page.fill('#password_confirm', kPassword);
  await page.fill('#captcha', captcha());
  await submit(page, '#account-submit');
  await visit('apply-5-done');
  for (const [path, name] of [['/forgot/password', 'forgot-password'], ['/forgot/account', 'forgot-account']]) {
    await page.goto(t.url(path));
    await captchaLoaded(page);
    await visit(name);
  }
  await page.goto(t.url('/login'));
  await fillLogin(page, p.account, kPassword);
  await submit(page, '#login-form button[type="submit"]');
  assert.equal(new URL(page.url()).pathname, '/2fa/bind');
  await page.waitForFunction(() => {
    const qr = document.querySelector('#totp-qr');
    return qr !== null && qr.complete && qr.naturalWidth > 0;
  });
  await visit('2fa-bind');
  p.key = (await page.locator('#totp-key').innerText()).trim();
  await page.fill('#otp', totp(p.key));
  await submit(page, '#bind-form button[type="submit"]');
  assert.equal(new URL(page.url()).pathname, '/home');
  await visit('home');
  await page.goto(t.url('/account/change'));
  await captchaLoaded(page);
  await visit('account-change');
  await page.fill('#new-account', `abw${digits(6)}y`);
  await page.fill('#captcha', captcha());
  await page.click('#account-change-form button[type="submit"]');
  await pageDialog(page).waitFor();
  await visit('account-change-confirm');
  await answerDialog(page, '取消');
  await page.goto(t.url('/password/change'));
  await captchaLoaded(page);
  await visit('password-change');
  await page.fill('#old-password', kPassword);
  await page.fill('#new-password', kNewPassword);
  await page.fill('#new-password-confirm', kNewPassword);
  await page.fill('#captcha', captcha());
  await page.click('#password-change-form button[type="submit"]');
  await pageDialog(page).waitFor();
  await visit('password-change-confirm');
  await answerDialog(page, '取消');
  await page.goto(t.url('/home'));
  await Promise.all([page.waitForNavigation(), page.click('#logout-button')]);
  await page.goto(t.url('/login'));
  await fillLogin(page, p.account, kPassword);
  await submit(page, '#login-form button[type="submit"]');
  assert.equal(new URL(page.url()).pathname, '/2fa');
  await visit('2fa');
  await page.goto(t.url('/static/manual/'));
  await visit('manual');
}

async function expectNoSidewaysScroll(page, where) {
  const { scroll, inner, wide } = await page.evaluate(() => {
    const doc = document.scrollingElement;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`);
    return { scroll: doc.scrollWidth, inner: window.innerWidth, wide: widest };
  });
  assert.ok(scroll <= inner, `${where}: ${scroll}px wide in a ${inner}px window (${wide.join(', ')})`);
}

export const tests = [
  {
    name: 'every refusal message of the public forms passes axe (login, wizard, 忘記密碼, 忘記帳號)',
    timeoutSeconds: 300,
    async run(t) {
      const { page } = t;
      const teacher = addTeacher('許無障');

      // Login: empty, wrong captcha, wrong password, then locked.
      await page.goto(t.url('/login'));
      await captchaLoaded(page);
      await t.axe('login');
      await submit(page, '#login-form button[type="submit"]');
      await refused(t, page, 'login: nothing entered');
      await fillLogin(page, teacher.account, kPassword, wrongCaptcha());
      await submit(page, '#login-form button[type="submit"]');
      await refused(t, page, 'login: wrong captcha');
      for (let i = 1; i <= 3; i++) {
        await fillLogin(page, teacher.account, `Wrong-Password-${i}x`);
        await submit(page, '#login-form button[type="submit"]');
        await refused(t, page, `login: wrong password ${i}`);
      }
      await fillLogin(page, teacher.account, kPassword);
      await submit(page, '#login-form button[type="submit"]');
      await refused(t, page, 'login: locked');
      await t.screenshot('a11y-login-locked.png');
      ctl('account', 'unlock', teacher.account);

      // 身分驗證: empty, malformed, wrong captcha, no such person, already has an account.
      await page.goto(t.url('/apply/identity'));
      await captchaLoaded(page);
      await submit(page, '#identity-submit');
      await refused(t, page, 'apply identity: nothing entered');
      await page.fill('#national_id', 'A123456788');
      await page.fill('#birth_date', '1984/07/15');
      await page.fill('#captcha', captcha());
      await submit(page, '#identity-submit');
      await refused(t, page, 'apply identity: malformed');
      await page.fill('#national_id', newNationalId());
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', wrongCaptcha());
      await submit(page, '#identity-submit');
      await refused(t, page, 'apply identity: wrong captcha');
      await page.fill('#national_id', newNationalId());
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', captcha());
      await submit(page, '#identity-submit');
      await refused(t, page, 'apply identity: no such staff');
      await page.fill('#national_id', teacher.id);
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', captcha());
      await submit(page, '#identity-submit');
      await refused(t, page, 'apply identity: already has an account');
      await t.screenshot('a11y-apply-has-account.png');

      // E-Mail驗證, 輸入驗證代碼 and 帳號申請 refusals.
      const staff = addStaff('許申請');
      const address = `ax${digits(10)}@example.com`;
      await page.goto(t.url('/apply/identity'));
      await captchaLoaded(page);
      await page.fill('#national_id', staff.id);
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', captcha());
      await submit(page, '#identity-submit');
      await captchaLoaded(page);
      await page.fill('#email', 'not-an-address');
      await page.fill('#captcha', wrongCaptcha());
      await submit(page, '#email-submit');
      await refused(t, page, 'apply email: wrong captcha');
      await page.fill('#email', 'not-an-address');
      await page.fill('#captcha', captcha());
      await submit(page, '#email-submit');
      await refused(t, page, 'apply email: not an address');
      await page.fill('#email', address);
      await page.fill('#captcha', captcha());
      await submit(page, '#email-submit');
      await pageDialog(page).waitFor();
      await t.axe('apply verify: the sent message dialog');
      await answerDialog(page, '確定');
      const code = mailedCode(address).slice(3);
      await page.fill('#code', code === '000000' ? '111111' : '000000');
      await submit(page, '#verify-submit');
      await refused(t, page, 'apply verify: wrong code');
      await t.screenshot('a11y-apply-wrong-code.png');
      await page.fill('#code', code);
      await submit(page, '#verify-submit');
      await captchaLoaded(page);
      await page.fill('#account', 'a1');
      await page.fill('#password', 'short');
      await page.fill('#password_confirm', 'other');
      await page.fill('#phone', 'abc');
      await page.fill('#captcha', captcha());
      await submit(page, '#account-submit');
      await refused(t, page, 'apply account: every rule broken');
      await t.screenshot('a11y-apply-account-refused.png');
      await page.fill('#account', `axw${digits(6)}z`);
      await page.fill('#password', kPassword);
      await page.fill('#password_confirm', kPassword);
      await page.fill('#captcha', wrongCaptcha());
      await submit(page, '#account-submit');
      await refused(t, page, 'apply account: wrong captcha');

      // 忘記密碼 and 忘記帳號: empty and wrong captcha, and the neutral answer.
      for (const path of ['/forgot/password', '/forgot/account']) {
        await page.goto(t.url(path));
        await captchaLoaded(page);
        await submit(page, '#forgot-submit');
        await refused(t, page, `${path}: nothing entered`);
        await page.fill('#national_id', teacher.id);
        await page.fill('#birth_date', kBirth);
        await page.fill('#captcha', wrongCaptcha());
        await submit(page, '#forgot-submit');
        await refused(t, page, `${path}: wrong captcha`);
      }
      await page.fill('#national_id', teacher.id);
      await page.fill('#birth_date', kBirth);
      await page.fill('#captcha', captcha());
      await submit(page, '#forgot-submit');
      await page.locator('#sent-notice').waitFor();
      await t.axe('/forgot/account: the neutral answer');

      // Pages without a session, the manual and nginx's own error page.
      for (const path of ['/apply/email', '/apply/verify', '/apply/account', '/apply/done',
        '/forgot/password/reset', '/static/manual/', '/no-such-page']) {
        const other = await t.newPage();
        await other.goto(t.url(path));
        await other.waitForLoadState('load');
        if (await other.locator('#captcha-image').count()) await captchaLoaded(other);
        await t.axe(`${path} (fresh browser)`, other);
      }
    },
  },
  {
    name: 'every logged-in page, its refusals and its dialogs pass axe (2FA, home, 修改帳號, 修改密碼, no duty)',
    timeoutSeconds: 300,
    async run(t) {
      const { page } = t;
      const teacher = addTeacher('許登入');

      await page.goto(t.url('/login'));
      await fillLogin(page, teacher.account, kPassword);
      await submit(page, '#login-form button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/2fa/bind');
      await page.fill('#otp', '000000');
      await submit(page, '#bind-form button[type="submit"]');
      await refused(t, page, '2fa bind: wrong code');
      teacher.key = (await page.locator('#totp-key').innerText()).trim();
      await page.fill('#otp', totp(teacher.key));
      await submit(page, '#bind-form button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/home');
      await t.axe('home');

      // 修改帳號: a name against the rules, a wrong captcha, the dialog.
      await page.click('#link-account-change');
      await page.waitForURL('**/account/change');
      await captchaLoaded(page);
      await t.axe('account change');
      await page.fill('#new-account', '12');
      await page.fill('#captcha', captcha());
      await page.click('#account-change-form button[type="submit"]');
      await pageDialog(page).waitFor();
      await t.axe('account change: 確定送出？ open');
      await Promise.all([page.waitForNavigation(), answerDialog(page, '確定', '確定送出？')]);
      await refused(t, page, 'account change: against the rules');
      await page.fill('#new-account', `axw${digits(6)}q`);
      await page.fill('#captcha', wrongCaptcha());
      await page.click('#account-change-form button[type="submit"]');
      await Promise.all([page.waitForNavigation(), answerDialog(page, '確定', '確定送出？')]);
      await refused(t, page, 'account change: wrong captcha');

      // 修改密碼: a wrong original password, rules broken, the dialog.
      await page.goto(t.url('/password/change'));
      await captchaLoaded(page);
      await t.axe('password change');
      await page.fill('#old-password', 'Not-The-Password-1');
      await page.fill('#new-password', kNewPassword);
      await page.fill('#new-password-confirm', kNewPassword);
      await page.fill('#captcha', captcha());
      await page.click('#password-change-form button[type="submit"]');
      await pageDialog(page).waitFor();
      await t.axe('password change: 是否確定修改密碼？ open');
      await t.screenshot('a11y-password-change-confirm.png');
      await Promise.all([page.waitForNavigation(), answerDialog(page, '確定', '是否確定修改密碼？')]);
      await refused(t, page, 'password change: wrong original password');
      await page.fill('#old-password', kPassword);
      await page.fill('#new-password', 'short');
      await page.fill('#new-password-confirm', 'shorter');
      await page.fill('#captcha', captcha());
      await page.click('#password-change-form button[type="submit"]');
      await Promise.all([page.waitForNavigation(), answerDialog(page, '確定', '是否確定修改密碼？')]);
      await refused(t, page, 'password change: rules broken');

      // 雙因子認證 at the next login: a wrong code.
      await page.goto(t.url('/home'));
      await submit(page, '#logout-button');
      await page.goto(t.url('/login'));
      await fillLogin(page, teacher.account, kPassword);
      await submit(page, '#login-form button[type="submit"]');
      assert.equal(new URL(page.url()).pathname, '/2fa');
      await t.axe('2fa');
      await page.fill('#otp', '000000');
      await submit(page, '#twofa-form button[type="submit"]');
      await refused(t, page, '2fa: wrong code');

      // No duty in the active school year.
      const idle = addTeacher('許無職', null);
      const other = await t.newPage();
      await logIn(t, other, idle);
      await other.locator('#no-duty-message').waitFor();
      await t.axe('no duty', other);
    },
  },
  {
    name: 'the wizard and a login with the keyboard alone, focus always visible, dialogs on Enter and Esc',
    timeoutSeconds: 300,
    async run(t) {
      const { page } = t;
      const staff = addStaff('鍵盤人');
      const address = `kb${digits(10)}@example.com`;
      const account = `kbw${digits(6)}y`;

      // 登入頁 → 申請個人業務帳號 (Enter on the link).
      await page.goto(t.url('/login'));
      await arrive(page, '/login');
      const skip = await tabTo(page, '.skip-link');
      assert.equal(skip.text, '跳到主要內容', 'the first Tab reaches the skip link');
      await tabTo(page, 'a[href="/apply/identity"]');
      await page.keyboard.press('Enter');

      // 身分驗證: typed fields, Enter in the captcha submits.
      await arrive(page, '/apply/identity');
      await typeInto(page, '#national_id', staff.id);
      await typeInto(page, '#birth_date', kBirth);
      await typeInto(page, '#captcha', captcha());
      await page.keyboard.press('Enter');

      // E-Mail驗證: Space on 送出.
      await arrive(page, '/apply/email');
      await typeInto(page, '#email', address);
      await typeInto(page, '#captcha', captcha());
      await tabTo(page, '#email-submit');
      await page.keyboard.press('Space');

      // ⑩ the message window: focus on 確定 and kept there; Enter closes it, focus to the code.
      await page.waitForURL('**/apply/verify');
      await pageDialog(page).waitFor();
      assert.equal(await focusedText(page), '確定');
      await expectVisibleFocus(page, 'the sent message dialog');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), '確定', 'Tab stays in the dialog');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedText(page), '確定', 'Shift+Tab stays in the dialog');
      await page.keyboard.press('Enter');
      await pageDialog(page).waitFor({ state: 'detached' });
      assert.equal(await focusedId(page), 'code', 'focus goes on to the code field');
      await recordUnfocused(page);
      await page.keyboard.type(mailedCode(address).slice(3));
      await page.keyboard.press('Enter');

      // 帳號申請: Space on the eye shows the password; Enter in the captcha submits.
      await arrive(page, '/apply/account');
      await typeInto(page, '#account', account);
      await typeInto(page, '#password', kPassword);
      await tabTo(page, '#password-eye');
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute('#password', 'type'), 'text', 'Space on the eye shows it');
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute('#password', 'type'), 'password');
      await typeInto(page, '#password_confirm', kPassword);
      await typeInto(page, '#captcha', captcha());
      await page.keyboard.press('Enter');

      // 申請完成 → 返回登入頁面.
      await arrive(page, '/apply/done');
      await tabTo(page, '#done-login');
      await page.keyboard.press('Enter');

      // Login, 雙因子綁定 and home, typed.
      await arrive(page, '/login');
      await typeInto(page, '#account', account);
      await typeInto(page, '#password', kPassword);
      await typeInto(page, '#captcha', captcha());
      await page.keyboard.press('Enter');
      await arrive(page, '/2fa/bind');
      const key = (await page.locator('#totp-key').innerText()).trim();
      await typeInto(page, '#otp', totp(key));
      await page.keyboard.press('Enter');
      await arrive(page, '/home');

      // 修改密碼: Esc on 「是否確定修改密碼？」 sends nothing and gives focus back to 送出;
      // Tab and Shift+Tab go round 取消 and 確定 only.
      await tabTo(page, '#link-password-change');
      await page.keyboard.press('Enter');
      await arrive(page, '/password/change');
      await typeInto(page, '#old-password', kPassword);
      await typeInto(page, '#new-password', kNewPassword);
      await typeInto(page, '#new-password-confirm', kNewPassword);
      await typeInto(page, '#captcha', captcha());
      await tabTo(page, '#password-change-form button[type="submit"]');
      const posts = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      await page.keyboard.press('Enter');
      await pageDialog(page).waitFor();
      assert.equal(await focusedText(page), '確定');
      await expectVisibleFocus(page, 'the password dialog');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), '取消', 'Tab wraps to 取消');
      await expectVisibleFocus(page, 'the password dialog');
      await page.keyboard.press('Tab');
      assert.equal(await focusedText(page), '確定', 'and back to 確定');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedText(page), '取消', 'Shift+Tab goes round too');
      await page.keyboard.press('Escape');
      await pageDialog(page).waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      assert.deepEqual(posts, [], 'Esc sends nothing');
      assert.equal(await focusedText(page), '送出', 'focus is back on 送出');
      await expectVisibleFocus(page, 'back on 送出');

      // 修改帳號 from home: Enter on 確定 sends it; logged out to the login page.
      await tabTo(page, 'a[href="/home"]');
      await page.keyboard.press('Enter');
      await arrive(page, '/home');
      await tabTo(page, '#link-account-change');
      await page.keyboard.press('Enter');
      await arrive(page, '/account/change');
      const renamed = `kcw${digits(6)}y`;
      await typeInto(page, '#new-account', renamed);
      await typeInto(page, '#captcha', captcha());
      await page.keyboard.press('Enter');
      await pageDialog(page).waitFor();
      assert.equal(await focusedText(page), '確定');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.ok((await page.locator('.notice').innerText()).includes('新帳號'));
      assert.equal(sql(`SELECT COUNT(*) FROM accounts WHERE login_key = '${renamed}'`), '1');
    },
  },
  {
    name: 'the main pages at 200% zoom and on a phone: no sideways scrolling, screenshots saved',
    timeoutSeconds: 300,
    async run(t) {
      const sizes = [
        // 1280×800 at 200%: the browser lays out 640 CSS pixels, drawn with 2 device pixels each.
        ['zoom200', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
        ['phone', { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true,
          hasTouch: true }],
      ];
      for (const [label, options] of sizes) {
        const page = await t.newPage(options);
        await visitMainPages(t, page, async (name) => {
          await expectNoSidewaysScroll(page, `${label} ${name}`);
          await t.screenshot(`${label}-${name}.png`, page);
        });
      }
    },
  },
  {
    name: 'the 操作手冊 shows the screens as these tests see them',
    timeoutSeconds: 300,
    async run(t) {
      // The figures of html/static/manual/index.html: what a 1024×768 window shows of each page,
      // saved under the build's screenshots/manual/; scripts/manual-screenshots copies them into
      // html/static/manual/img/, which is shipped with the rest of html/static/.
      const dir = join(env('XUEJI_BUILD_DIR'), 'screenshots', 'manual');
      mkdirSync(dir, { recursive: true });
      const made = new Set();
      const page = await t.newPage({ viewport: { width: 1024, height: 768 } });
      await visitMainPages(t, page, async (name) => {
        await t.axe(`manual figure ${name}`, page);
        // The test stack's banner is no part of the screens the manual describes.
        await page.evaluate((hide) => {
          const banner = document.getElementById('test-mode-banner');
          if (banner) banner.hidden = hide;
        }, true);
        await page.screenshot({ path: join(dir, `${name}.jpg`), type: 'jpeg', quality: 80 });
        await page.evaluate(() => {
          const banner = document.getElementById('test-mode-banner');
          if (banner) banner.hidden = false;
        });
        made.add(`${name}.jpg`);
      });
      const manual = readFileSync(join(kRepo, 'html', 'static', 'manual', 'index.html'), 'utf8');
      const figures = [...manual.matchAll(/<img [^>]*src="img\/([^"]+)"/g)].map((m) => m[1]);
      assert.ok(figures.length >= 10, `the manual shows the screens (${figures.length} figures)`);
      for (const figure of figures) {
        assert.ok(made.has(figure), `the manual's img/${figure} is a screen these tests take`);
        assert.ok(existsSync(join(kRepo, 'html', 'static', 'manual', 'img', figure)),
          `html/static/manual/img/${figure} is shipped (scripts/manual-screenshots copies it)`);
      }
    },
  },
];

registerTests(tests, import.meta.url);
