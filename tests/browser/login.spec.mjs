// login.spec.mjs: the login page in a real browser — the captcha image loads and 更換圖片
// replaces it with another; 語音播放 plays the captcha's audio from the keyboard, and without
// JavaScript is a plain link to it; the manual's words are there; screenshots on a desktop and a
// phone.
import { registerTests } from './harness.mjs';
import assert from 'node:assert/strict';
import { captchaLoaded } from './support.mjs';

const kPngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
// What the manual's login screen shows (operating manual, 三、續任承辦人).
const kLoginWords = ['帳號', '密碼', '驗證碼', '登入', '忘記密碼', '申請個人業務帳號'];
const kPhone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

function isCaptcha(response) {
  return new URL(response.url()).pathname === '/captcha';
}

// Resolves once #captcha-image has finished loading a real picture.
async function openLogin(t, page) {
  const response = await page.goto(t.url('/login'));
  assert.equal(response.status(), 200, 'GET /login answers 200');
  await captchaLoaded(page);
}

export const tests = [
  {
    name: 'the captcha loads, and 更換圖片 shows a different one',
    async run(t) {
      const { page } = t;
      const first = page.waitForResponse(isCaptcha);
      await openLogin(t, page);
      const firstBytes = await (await first).body();
      assert.deepEqual(firstBytes.subarray(0, 4), kPngMagic, '/captcha answers a PNG');
      // The pixels on screen, not a second GET: each GET /captcha makes a new captcha.
      const before = await page.locator('#captcha-image').screenshot();

      const second = page.waitForResponse(isCaptcha);
      await page.click('#captcha-refresh');
      const secondBytes = await (await second).body();
      await captchaLoaded(page);
      assert.deepEqual(secondBytes.subarray(0, 4), kPngMagic, 'the new captcha is a PNG');
      assert.notDeepEqual(secondBytes, firstBytes, 'the new captcha image has other bytes');
      // The browser shows the new picture, not a cached copy of the old one.
      const after = await page.locator('#captcha-image').screenshot();
      assert.notDeepEqual(after, before, 'the captcha on screen changed');
    },
  },
  {
    name: '語音播放 is a named button that plays the captcha from the keyboard, a link without JavaScript',
    async run(t) {
      const { page } = t;
      await openLogin(t, page);
      const button = page.getByRole('button', { name: '語音播放' });
      assert.equal(await button.count(), 1, 'one button named 語音播放');
      assert.equal(await button.getAttribute('id'), 'captcha-audio');
      const isAudio = (r) => new URL(r.url()).pathname === '/captcha/audio';
      for (const key of ['Enter', ' ']) {
        const audio = page.waitForResponse(isAudio);
        await button.focus();
        await page.keyboard.press(key);
        const response = await audio;
        assert.equal(response.status(), 200, `${key === ' ' ? 'Space' : key} fetches the audio`);
        assert.equal(response.headers()['content-type'], 'audio/wav');
        assert.equal(new URL(page.url()).pathname, '/login', 'the page stays');
      }
      assert.equal(page.context().pages().length, 1, 'no window opened');

      // Without JavaScript: a plain link to the same audio, opened in a new window so the form
      // and its captcha stay as they are.
      const plain = await t.newPage({ javaScriptEnabled: false });
      const image = plain.waitForResponse(isCaptcha);
      await plain.goto(t.url('/login'));
      await image;
      const link = plain.locator('a#captcha-audio');
      assert.equal(await link.innerText(), '語音播放');
      assert.equal(await link.getAttribute('target'), '_blank');
      const href = await link.getAttribute('href');
      assert.equal(href, '/captcha/audio?form=login');
      const wav = await plain.context().request.get(t.url(href));
      assert.equal(wav.status(), 200);
      assert.equal(wav.headers()['content-type'], 'audio/wav');
      assert.equal((await wav.body()).subarray(0, 4).toString('latin1'), 'RIFF');
    },
  },
  {
    name: "the page shows the manual's fields and links, on a desktop and on a phone",
    async run(t) {
      const { page } = t;
      await openLogin(t, page);
      const text = await page.locator('body').innerText();
      for (const word of kLoginWords) assert.ok(text.includes(word), `the page shows 「${word}」`);
      // The form posts the fields contract.md §3 names.
      for (const field of ['account', 'password', 'captcha', 'csrf']) {
        assert.equal(await page.locator(`form [name="${field}"]`).count(), 1, `field ${field}`);
      }
      assert.equal(await page.locator('input[name="password"]').getAttribute('type'), 'password');
      await t.screenshot('login-desktop.png');

      const phone = await t.newPage(kPhone);
      await openLogin(t, phone);
      await t.screenshot('login-phone.png', phone);
    },
  },
];

registerTests(tests, import.meta.url);
