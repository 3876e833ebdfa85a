// support.mjs: what the browser specs share: the stack's settings, xueji-ctl and SQL against the
// test stack, fresh valid ID numbers, and waiting for the captcha image. Not a spec: Playwright
// loads only *.spec.mjs.
import { execFileSync } from 'node:child_process';
import { createHmac, randomInt } from 'node:crypto';
import { join } from 'node:path';

const kLetters = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';  // 身分證 letter order: codes 10..35
const kWeights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ctest sets it)`);
  return value;
}

// xueji-ctl with the test stack's settings (VAR/env).
export function ctl(...args) {
  const script = 'set -a; . "$1/env"; set +a; shift; exec "$XUEJI_CTL" "$@"';
  return execFileSync('bash', ['-c', script, 'ctl', env('XUEJI_VAR_DIR'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, XUEJI_CTL: join(env('XUEJI_BUILD_DIR'), 'xueji-ctl') },
  });
}

export function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-N', '-B',
    `--socket=${join(env('XUEJI_VAR_DIR'), 'run', 'mysqld.sock')}`, '-uroot', 'xueji', '-e',
    statement], { encoding: 'utf8' }).trim();
}

export function digits(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

// A valid 身分證字號 with a random letter and serial; the check digit makes the sum divisible by 10.
export function newNationalId() {
  const letter = kLetters[randomInt(kLetters.length)];
  const code = kLetters.indexOf(letter) + 10;
  const body = String(1 + randomInt(2)) + digits(7);
  const values = [Math.floor(code / 10), code % 10, ...body.split('').map(Number)];
  const sum = values.reduce((acc, v, i) => acc + v * kWeights[i], 0);
  return letter + body + String((10 - (sum % 10)) % 10);
}

export async function captchaLoaded(page) {
  await page.waitForFunction(() => {
    const image = document.querySelector('#captcha-image');
    return image !== null && image.complete && image.naturalWidth > 0;
  });
}

// The manual's message windows are page dialogs (xueji.js showDialog), never the browser's own.
export function pageDialog(page) {
  return page.locator('[role="alertdialog"]');
}

// Waits for the page dialog, checks its words, and answers it with 確定 or 取消; returns the
// words it showed (title and detail).
export async function answerDialog(page, answer, expected) {
  const dialog = pageDialog(page);
  await dialog.waitFor({ state: 'visible' });
  const text = (await dialog.innerText()).replace(/\s+/g, ' ').trim();
  if (expected !== undefined && !text.includes(expected)) {
    throw new Error(`the dialog shows 「${text}」, not 「${expected}」`);
  }
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return text;
}

// Clicks a submit button of a form[data-confirm] and answers 確定, waiting for the next page.
export async function submitConfirmed(page, selector, expected) {
  await page.click(selector);
  await Promise.all([page.waitForNavigation(), answerDialog(page, '確定', expected)]);
}

// RFC 6238 as an authenticator app computes it: base32 key, HMAC-SHA1, 30 s, 6 digits.
export function totp(key, atMs = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const c of key.replace(/\s+/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const mac = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
