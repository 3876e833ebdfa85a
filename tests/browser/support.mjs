// support.mjs: what the browser specs share: the stack's settings, xueji-ctl and SQL against the
// test stack, fresh valid ID numbers, and waiting for the captcha image. Not a spec: Playwright
// loads only *.spec.mjs.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
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
