// admin.spec.mjs: the school's AA console in Chromium (issue 18) — the AA adds a teacher, 人事
// assigns 導師, the teacher applies through the wizard and logs in; the AA unlocks a locked
// colleague and resets another's password, confirming with the authenticator first, and the
// colleague sets a new password from the mailed link. A screenshot of every page, and the staff
// list on a phone.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { env, ctl, sql, digits, newNationalId, captchaLoaded, answerDialog, submitConfirmed, totp } from './support.mjs';

const kPassword = 'Amber-Stone-Valley-37';
const kNewPassword = 'Silver+Reed+Lantern+64';

// The code of this 30-second step may be used again: the test moves the stored step back rather
// than wait for the next one.
function forgetUsedStep(account) {
  sql(`UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('${account}')`);
}

function person(school, name, duty, withAccount = true) {
  const id = newNationalId();
  ctl('staff', 'add', '--school', school, '--national-id', id, '--name', name,
    '--birth-date', '1979-04-03');
  if (duty) ctl('duty', 'assign', '--school', school, '--national-id', id, '--duty', duty);
  const p = { id, name, account: `adm${digits(8)}x`, email: `ad${digits(10)}@example.com`, key: '' };
  if (withAccount) {
    const changed = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    ctl('account', 'add-legacy', '--national-id', id, '--account', p.account,
      '--password', kPassword, '--password-changed', changed, '--email', p.email);
    sql(`UPDATE accounts SET email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = LOWER('${p.account}')`);
  }
  return p;
}

function staffId(school, name) {
  return sql(`SELECT s.id FROM staff s JOIN schools c ON c.id = s.school_id WHERE c.code = '${school}' AND s.name = '${name}'`);
}

// Password, captcha, then the authenticator: bound on first login (the key kept on p), else
// its code.
async function logIn(page, t, p, password = kPassword) {
  await page.goto(t.url('/login'));
  await captchaLoaded(page);
  await page.fill('#account', p.account);
  await page.fill('#password', password);
  await page.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
  await Promise.all([page.waitForNavigation(), page.click('form[action="/login"] button[type="submit"]')]);
  const path = new URL(page.url()).pathname;
  if (path === '/2fa/bind') {
    p.key = (await page.locator('#totp-key').innerText()).trim();
    await page.fill('#otp', totp(p.key));
    await Promise.all([page.waitForNavigation(), page.click('#bind-form button[type="submit"]')]);
  } else if (path === '/2fa') {
    forgetUsedStep(p.account);
    await page.fill('#otp', totp(p.key));
    await Promise.all([page.waitForNavigation(), page.click('form[action="/2fa"] button[type="submit"]')]);
  }
  assert.equal(new URL(page.url()).pathname, '/home', `${p.account} reached /home`);
}

export const tests = [
  {
    name: 'an AA adds a teacher, 人事 assigns 導師, the teacher applies and logs in; unlock and password reset',
    timeoutSeconds: 180,
    async run(t) {
      const { page } = t;
      const school = `AD${digits(6)}`;
      ctl('school', 'add', '--code', school, '--name', '學校權限測試國小');
      const aa = person(school, '林管理', '學校權限AA');
      const personnel = person(school, '陳人事', '人事');
      const locked = person(school, '張停用', '導師');
      const forgetful = person(school, '李忘記', '導師');
      forgetful.key = '';

      // 1. The AA's console: straight to the one school's staff list.
      await logIn(page, t, aa);
      await page.goto(t.url('/admin'));
      assert.equal(new URL(page.url()).pathname, '/admin/staff');
      assert.ok((await page.locator('#admin-staff-title').innerText()).includes('學校權限測試國小'));
      await t.screenshot('admin-1-staff.png');

      // 2. The AA adds a teacher.
      const teacher = { id: newNationalId(), name: '王新進', birth: '1992-09-10' };
      await Promise.all([page.waitForNavigation(), page.click('#link-staff-new')]);
      await page.fill('#national-id', teacher.id);
      await page.fill('#staff-name', teacher.name);
      await page.fill('#birth-date', teacher.birth);
      await page.fill('#phone', '0912-345-678');
      await t.screenshot('admin-2-staff-new.png');
      await Promise.all([page.waitForNavigation(), page.click('#staff-new-submit')]);
      assert.ok((await page.locator('#admin-flash').innerText()).includes('已新增教職員 王新進'));
      const teacherStaff = staffId(school, teacher.name);
      assert.ok((await page.locator(`#staff-${teacherStaff}`).innerText()).includes('尚未申請個人業務帳號'));
      await t.screenshot('admin-3-staff-added.png');

      // 3. 人事 assigns 導師 (the only duty 人事 may configure).
      const hr = await t.newPage();
      await logIn(hr, t, personnel);
      await hr.goto(t.url(`/admin/staff?school=${school}`));
      const options = await hr.locator(`#duty-${teacherStaff} option`).allInnerTexts();
      assert.deepEqual(options, ['導師']);
      await hr.selectOption(`#duty-${teacherStaff}`, '導師');
      await Promise.all([hr.waitForNavigation(),
        hr.click(`#staff-${teacherStaff} .assign-form button[type="submit"]`)]);
      assert.ok((await hr.locator('#admin-flash').innerText()).includes('已配置 王新進 的職務「導師」'));
      await t.screenshot('admin-4-personnel-assigns.png', hr);

      // 4. The teacher applies through the wizard and logs in, with 導師 on the home page.
      const tp = await t.newPage();
      const address = `ad${digits(10)}@example.com`;
      await tp.goto(t.url('/apply/identity'));
      await captchaLoaded(tp);
      await tp.fill('#national_id', teacher.id);
      await tp.fill('#birth_date', teacher.birth);
      await tp.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await Promise.all([tp.waitForURL('**/apply/email'), tp.click('#identity-submit')]);
      await captchaLoaded(tp);
      await tp.fill('#email', address);
      await tp.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await Promise.all([tp.waitForURL('**/apply/verify'), tp.click('#email-submit')]);
      await answerDialog(tp, '確定');
      const code = sql(`SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '${address}' ORDER BY id DESC LIMIT 1`);
      await tp.fill('#code', code.slice(3));
      await Promise.all([tp.waitForURL('**/apply/account'), tp.click('#verify-submit')]);
      await captchaLoaded(tp);
      const newTeacher = { account: `nt${digits(8)}x`, key: '' };
      await tp.fill('#account', newTeacher.account);
      await tp.fill('#password', kPassword);
      await tp.fill('#password_confirm', kPassword);
      await tp.fill('#captcha', env('XUEJI_CAPTCHA_FIXED'));
      await Promise.all([tp.waitForURL('**/apply/done'), tp.click('#account-submit')]);
      await logIn(tp, t, newTeacher);
      assert.ok((await tp.locator('#home-schools').innerText()).includes('導師'));
      await t.screenshot('admin-5-teacher-home.png', tp);

      // 5. The AA sees the new account, unlocks a locked colleague.
      sql(`UPDATE accounts SET locked_until = UTC_TIMESTAMP(6) + INTERVAL 12 MINUTE, failed_count = 3 WHERE login_key = LOWER('${locked.account}')`);
      await page.goto(t.url(`/admin/staff?school=${school}`));
      assert.ok((await page.locator(`#staff-${teacherStaff}`).innerText()).includes(newTeacher.account));
      const lockedStaff = staffId(school, locked.name);
      assert.ok((await page.locator(`#staff-${lockedStaff}`).innerText()).includes('停用至'));
      await t.screenshot('admin-6-locked-colleague.png');
      await Promise.all([page.waitForNavigation(), page.click(`#unlock-${lockedStaff}`)]);
      assert.ok((await page.locator('#admin-flash').innerText()).includes('已解除 張停用 帳號的停用'));
      assert.equal(sql(`SELECT locked_until IS NULL FROM accounts WHERE login_key = LOWER('${locked.account}')`), '1');

      // 6. Resetting a password asks for the authenticator first, then mails a link.
      const forgetfulStaff = staffId(school, forgetful.name);
      await submitConfirmed(page, `#reset-password-${forgetfulStaff}`, '確定重設此帳號的密碼？');
      assert.equal(new URL(page.url()).pathname, '/admin/stepup');
      await t.screenshot('admin-7-stepup.png');
      forgetUsedStep(aa.account);
      await page.fill('#otp', totp(aa.key));
      await Promise.all([page.waitForNavigation(), page.click('#stepup-submit')]);
      assert.equal(new URL(page.url()).pathname, '/admin/staff');
      await submitConfirmed(page, `#reset-password-${forgetfulStaff}`, '確定重設此帳號的密碼？');
      assert.ok((await page.locator('#admin-flash').innerText()).includes('已寄送設定新密碼的連結'));
      await t.screenshot('admin-8-reset-sent.png');

      // 7. The colleague opens the mailed link and sets a new password, then logs in with it.
      const link = sql(`SELECT REGEXP_SUBSTR(body, '/forgot/password/reset[?]token=[A-Za-z0-9_-]+') FROM outbox WHERE recipient = '${forgetful.email}' ORDER BY id DESC LIMIT 1`);
      assert.match(link, /token=[A-Za-z0-9_-]{43}$/);
      const cp = await t.newPage();
      await cp.goto(t.url(link));
      assert.ok((await cp.locator('#link-account').innerText()).includes(forgetful.account));
      await cp.fill('#new-password', kNewPassword);
      await cp.fill('#new-password-confirm', kNewPassword);
      await t.screenshot('admin-9-set-new-password.png', cp);
      await Promise.all([cp.waitForNavigation(), cp.click('#link-submit')]);
      assert.equal(new URL(cp.url()).pathname, '/login');
      await logIn(cp, t, forgetful, kNewPassword);
      await t.screenshot('admin-10-colleague-home.png', cp);

      // 8. The audit page names each action; the staff list on a phone.
      await page.goto(t.url(`/admin/audit?school=${school}`));
      const audit = await page.locator('#audit-list').innerText();
      for (const action of ['admin.staff.add', 'admin.duty.assign', 'admin.account.unlock',
        'admin.account.reset_password']) {
        assert.ok(audit.includes(action), `the audit page lists ${action}`);
      }
      await t.screenshot('admin-11-audit.png');
      const phone = await t.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
        isMobile: true, hasTouch: true });
      await logIn(phone, t, personnel);
      await phone.goto(t.url(`/admin/staff?school=${school}`));
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
      await t.screenshot('admin-12-staff-phone.png', phone);
    },
  },
  {
    name: 'an AA imports staff from CSV (refused lines, then all at once) and carries last year\'s duties; a 諮詢專員 resets an e-mail',
    timeoutSeconds: 180,
    async run(t) {
      const { page } = t;
      const school = `AI${digits(6)}`;
      ctl('school', 'add', '--code', school, '--name', '匯入測試國小');
      const aa = person(school, '黃管理', '學校權限AA');
      const lastYear = person(school, '吳續任', null, false);
      // The active school year, or (none activated yet) the one of today in Taipei.
      const taipei = new Date(Date.now() + 8 * 3_600_000);
      const today = taipei.getUTCFullYear() - (taipei.getUTCMonth() >= 7 ? 1911 : 1912);
      const year = Number(sql("SELECT value FROM settings WHERE name = 'active_school_year'")) || today;
      ctl('duty', 'assign', '--school', school, '--national-id', lastYear.id, '--duty', '導師',
        '--year', String(year - 1));
      await logIn(page, t, aa);

      // Import: the preview names the refused line; nothing is written until a clean file.
      const a = newNationalId();
      const b = newNationalId();
      await page.goto(t.url(`/admin/import?school=${school}`));
      await page.fill('#csv', `national_id,name,birth_date,phone\n${a},甲老師,1980-01-02,\nA123456788,乙老師,1981-02-03,\n`);
      await Promise.all([page.waitForNavigation(), page.click('#import-preview')]);
      assert.ok((await page.locator('#import-errors').innerText()).includes('第 3 行'));
      assert.ok((await page.locator('#import-refused').innerText()).includes('未匯入任何資料'));
      await t.screenshot('admin-13-import-refused.png');
      assert.equal(staffId(school, '甲老師'), '');
      await page.fill('#csv', `national_id,name,birth_date,phone\n${a},甲老師,1980-01-02,\n${b},乙老師,1981-02-03,0912-345-678\n`);
      await Promise.all([page.waitForNavigation(), page.click('#import-preview')]);
      assert.ok((await page.locator('#import-ready').innerText()).includes('共 2 位教職員'));
      await t.screenshot('admin-14-import-ready.png');
      await Promise.all([page.waitForNavigation(), page.click('#import-confirm')]);
      assert.ok((await page.locator('#admin-flash').innerText()).includes('已匯入 2 位教職員'));
      assert.notEqual(staffId(school, '甲老師'), '');
      assert.notEqual(staffId(school, '乙老師'), '');

      // The new school year: last year's 導師 carries over.
      await Promise.all([page.waitForNavigation(), page.click('#link-year')]);
      assert.ok((await page.locator('#carry-list').innerText()).includes('吳續任'));
      await t.screenshot('admin-15-year-preview.png');
      await submitConfirmed(page, '#year-apply', '確定沿用上學年度職務？');
      const carried = staffId(school, lastYear.name);
      assert.ok((await page.locator(`#staff-${carried}`).innerText()).includes('導師'));

      // The helpdesk finds the AA's account by ID number and birth date, resets its e-mail.
      const desk = person(school, '諮詢專員甲', '導師');
      ctl('helpdesk', 'add', desk.account);
      const hd = await t.newPage();
      await logIn(hd, t, desk);
      await hd.goto(t.url('/helpdesk'));
      await hd.fill('#search-id', aa.id);
      await hd.fill('#search-birth', '1979-04-03');
      await Promise.all([hd.waitForNavigation(), hd.click('#helpdesk-search-submit')]);
      assert.equal((await hd.locator('#found-account').innerText()).trim(), aa.account);
      const address = `hd${digits(10)}@example.com`;
      await hd.fill('#new-email', address);
      await hd.fill('#reason', '原信箱已停用，本人來電確認身分');
      await t.screenshot('admin-16-helpdesk-found.png', hd);
      await submitConfirmed(hd, '#helpdesk-email-submit', '確定重設此帳號的 E-Mail？');
      assert.equal(new URL(hd.url()).pathname, '/admin/stepup');
      forgetUsedStep(desk.account);
      await hd.fill('#otp', totp(desk.key));
      await Promise.all([hd.waitForNavigation(), hd.click('#stepup-submit')]);
      await hd.fill('#search-account', aa.account);
      await Promise.all([hd.waitForNavigation(), hd.click('#helpdesk-search-submit')]);
      await hd.fill('#new-email', address);
      await hd.fill('#reason', '原信箱已停用，本人來電確認身分');
      await submitConfirmed(hd, '#helpdesk-email-submit', '確定重設此帳號的 E-Mail？');
      assert.ok((await hd.locator('#admin-flash').innerText()).includes('已寄送確認連結至新的 E-Mail'));
      await t.screenshot('admin-17-helpdesk-sent.png', hd);
      const link = sql(`SELECT REGEXP_SUBSTR(body, '/forgot/password/reset[?]token=[A-Za-z0-9_-]+') FROM outbox WHERE recipient = '${address}' ORDER BY id DESC LIMIT 1`);
      const owner = await t.newPage();
      await owner.goto(t.url(link));
      assert.ok((await owner.locator('#link-email').innerText()).includes(address));
      await t.screenshot('admin-18-confirm-email.png', owner);
    },
  },
];

registerTests(tests, import.meta.url);
