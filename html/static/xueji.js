// xueji.js: the site's only script. Every behaviour is keyed off data-* attributes so any page
// gets it by markup alone; the CSP forbids inline script and on* handlers, so nothing else may
// add behaviour. Plain ES2017, no libraries; each feature does nothing on pages without its markup.
(function () {
  'use strict';

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  // Server-relative clock: data-server-now is the server's time when the page was made, so
  // (server now - client now) cancels a wrong clock on the teacher's computer.
  function clockOffsetMs(el) {
    var serverNow = Number(el.getAttribute('data-server-now'));
    return Number.isFinite(serverNow) && serverNow > 0 ? serverNow * 1000 - Date.now() : 0;
  }

  function secondsLeft(untilSeconds, offsetMs) {
    return Math.max(0, Math.ceil((untilSeconds * 1000 - (Date.now() + offsetMs)) / 1000));
  }

  function pad2(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // One shared timer drives every countdown and cooldown on the page.
  var tickers = [];
  var timer = null;
  function addTicker(fn) {
    tickers.push(fn);
    fn();
    if (timer === null) {
      timer = window.setInterval(function () {
        tickers = tickers.filter(function (tick) {
          return tick() !== false;
        });
        if (tickers.length === 0) {
          window.clearInterval(timer);
          timer = null;
        }
      }, 250);
    }
  }

  // 更換圖片: a new image URL makes the server issue a new captcha for the same form; the t
  // parameter only defeats caches.
  function reloadCaptcha(img) {
    var url = new URL(img.getAttribute('src'), window.location.href);
    var form = url.searchParams.get('form');
    var params = new URLSearchParams();
    if (form !== null) params.set('form', form);
    params.set('t', String(Date.now()));
    img.src = url.pathname + '?' + params.toString();
  }

  function initCaptchaRefresh(button) {
    button.addEventListener('click', function () {
      var img = document.getElementById(button.getAttribute('data-captcha-refresh'));
      if (!img) return;
      reloadCaptcha(img);
      // The old answer is now void: clear it and put the cursor back for the new one.
      var input = document.getElementById(button.getAttribute('data-captcha-input') || '');
      if (input) {
        input.value = '';
        input.focus();
      }
    });
  }

  // 語音播放: the same captcha's digits spoken in Mandarin (GET /captcha/audio, the captcha the
  // image shows). Without this script the link opens the WAV in a new window; with it the sound
  // plays on the page and the link acts as a button (Enter and Space). When the captcha is gone
  // (used or expired) the audio fails: a new image is drawn and its digits are played once.
  function initCaptchaAudio(link) {
    var audio = null;
    link.setAttribute('role', 'button');
    link.removeAttribute('target');
    function start(retry) {
      var url = new URL(link.getAttribute('href'), window.location.href);
      url.searchParams.set('t', String(Date.now()));
      if (audio) audio.pause();
      audio = new Audio(url.pathname + url.search);
      audio.addEventListener('error', function () {
        var img = document.getElementById(link.getAttribute('data-captcha-audio') || '');
        if (!retry || !img) return;
        img.addEventListener('load', function () { start(false); }, { once: true });
        reloadCaptcha(img);
      });
      var playing = audio.play();
      if (playing && playing.catch) playing.catch(function () {});
    }
    function play(event) {
      event.preventDefault();
      start(true);
    }
    link.addEventListener('click', play);
    link.addEventListener('keydown', function (event) {
      if (event.key === ' ' || event.key === 'Spacebar') play(event);
    });
  }

  // A page restored from the back/forward cache shows an image whose captcha was already used.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    each('[data-captcha-refresh]', function (button) {
      var img = document.getElementById(button.getAttribute('data-captcha-refresh'));
      if (img) reloadCaptcha(img);
    });
  });

  function setPasswordVisible(button, field, visible) {
    field.type = visible ? 'text' : 'password';
    button.setAttribute('aria-pressed', visible ? 'true' : 'false');
    var label = visible
      ? button.getAttribute('data-label-hide') || '隱藏密碼'
      : button.getAttribute('data-label-show') || '顯示密碼';
    button.setAttribute('aria-label', label);
    button.setAttribute('title', label);
    var text = button.querySelector('[data-toggle-label]');
    if (text) text.textContent = label;
  }

  function initPasswordToggle(button) {
    var field = document.getElementById(button.getAttribute('data-toggle-password'));
    if (!field) return;
    setPasswordVisible(button, field, false);
    button.addEventListener('click', function () {
      setPasswordVisible(button, field, field.type === 'password');
    });
    // A shown password must not be sent (and remembered by form history) as a text field.
    // Listening on document runs after the form's own listeners (the confirm dialog), so a
    // cancelled submit leaves the field as the user set it.
    document.addEventListener('submit', function (event) {
      if (!event.defaultPrevented && event.target === field.form) {
        setPasswordVisible(button, field, false);
      }
    });
  }

  // The manual's message windows (「確定送出？」, 「是否確定修改密碼？」, ⑩'s 「請前往您的 E-Mail
  // 收取信件…」) as page dialogs: the orange 「!」, the text, 取消 and 確定 (確定 alone for a
  // message). A modal alertdialog: the rest of the page is inert while it is open, Tab and
  // Shift+Tab stay on its buttons, Esc is 取消, and focus goes back where it came from.
  // Without this script the forms submit directly and the message stays on the page.
  var openDialog = null;

  function dialogButton(text, kind) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button ' + (kind === 'ok' ? 'button-primary' : 'button-secondary');
    button.setAttribute('data-dialog-' + kind, '');
    button.textContent = text;
    return button;
  }

  // options: { title, detail, cancel (bool), returnFocus (element) }; calls done(true) for 確定,
  // done(false) for 取消 or Esc.
  function showDialog(options, done) {
    if (openDialog) return;
    var backdrop = document.createElement('div');
    backdrop.className = 'dialog-backdrop';
    var box = document.createElement('div');
    box.className = 'dialog';
    box.id = 'xueji-dialog';
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'xueji-dialog-title');
    var icon = document.createElement('div');
    icon.className = 'dialog-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '!';
    var title = document.createElement('h2');
    title.className = 'dialog-title';
    title.id = 'xueji-dialog-title';
    title.textContent = options.title;
    box.appendChild(icon);
    box.appendChild(title);
    if (options.detail) {
      var detail = document.createElement('p');
      detail.className = 'dialog-detail';
      detail.id = 'xueji-dialog-detail';
      detail.textContent = options.detail;
      box.appendChild(detail);
      box.setAttribute('aria-describedby', 'xueji-dialog-detail');
    }
    var actions = document.createElement('div');
    actions.className = 'dialog-actions';
    var cancel = options.cancel ? dialogButton('取消', 'cancel') : null;
    var ok = dialogButton('確定', 'ok');
    if (cancel) actions.appendChild(cancel);
    actions.appendChild(ok);
    box.appendChild(actions);
    backdrop.appendChild(box);

    // Everything else becomes inert: not clickable, not focusable, not read out.
    var madeInert = [];
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (!el.hasAttribute('inert')) {
        el.setAttribute('inert', '');
        madeInert.push(el);
      }
    });
    document.body.appendChild(backdrop);
    document.documentElement.classList.add('dialog-open');

    var buttons = cancel ? [cancel, ok] : [ok];
    function close(answer) {
      document.removeEventListener('keydown', onKey, true);
      madeInert.forEach(function (el) {
        el.removeAttribute('inert');
      });
      backdrop.remove();
      document.documentElement.classList.remove('dialog-open');
      openDialog = null;
      var back = options.returnFocus;
      if (back && document.contains(back) && typeof back.focus === 'function') back.focus();
      done(answer);
    }
    function onKey(event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(!options.cancel);
      } else if (event.key === 'Tab') {
        // Keep focus on the dialog's buttons, wrapping at either end.
        var at = buttons.indexOf(document.activeElement);
        var next = event.shiftKey ? at - 1 : at + 1;
        if (at < 0) next = event.shiftKey ? buttons.length - 1 : 0;
        event.preventDefault();
        buttons[(next + buttons.length) % buttons.length].focus();
      }
    }
    document.addEventListener('keydown', onKey, true);
    ok.addEventListener('click', function () {
      close(true);
    });
    if (cancel) {
      cancel.addEventListener('click', function () {
        close(false);
      });
    }
    openDialog = box;
    ok.focus();
  }

  // form[data-confirm]: 送出 opens the dialog; 確定 sends the form as the same button would have
  // (requestSubmit keeps the submitter's name and value), 取消 sends nothing.
  function initConfirm(form) {
    var confirmed = false;
    form.addEventListener('submit', function (event) {
      if (confirmed) {
        confirmed = false;
        return;
      }
      event.preventDefault();
      var submitter = event.submitter || null;
      var opener = submitter || document.activeElement;
      showDialog(
        {
          title: form.getAttribute('data-confirm'),
          detail: form.getAttribute('data-confirm-detail'),
          cancel: true,
          returnFocus: opener,
        },
        function (yes) {
          if (!yes) return;
          confirmed = true;
          if (typeof form.requestSubmit === 'function') {
            form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
          } else {
            form.submit();
          }
        }
      );
    });
  }

  function initCountdown(el) {
    var until = Number(el.getAttribute('data-countdown-until'));
    if (!Number.isFinite(until)) return;
    var offset = clockOffsetMs(el);
    addTicker(function () {
      var left = secondsLeft(until, offset);
      if (left > 0) {
        el.textContent = pad2(Math.floor(left / 60)) + ':' + pad2(left % 60);
        return true;
      }
      el.textContent = el.getAttribute('data-expired-text') || '00:00';
      el.classList.add('expired');
      return false;
    });
  }

  // 重新發送 stays disabled until the server's cooldown ends. The server renders the button
  // enabled, so it still works (and the server still refuses early resends) without this script.
  function initCooldown(button) {
    var enableAt = Number(button.getAttribute('data-enable-at'));
    if (!Number.isFinite(enableAt)) return;
    var offset = clockOffsetMs(button);
    var label = button.querySelector('[data-cooldown-label]');
    // {t} is the time left as m:ss (the manual's 3 minutes), {s} in seconds.
    var format = (label && label.getAttribute('data-cooldown-label')) || '（{t}）';
    if (format.indexOf('{t}') < 0 && format.indexOf('{s}') < 0) format = '（{t}）';
    addTicker(function () {
      var left = secondsLeft(enableAt, offset);
      button.disabled = left > 0;
      button.classList.toggle('cooling-down', left > 0);
      if (label) {
        var mss = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
        label.textContent =
          left > 0 ? format.replace('{t}', mss).replace('{s}', String(left)) : '';
        label.hidden = left === 0;
      }
      return left > 0;
    });
  }

  // A message the server wants shown as a dialog once (⑩ 「請前往您的 E-Mail 收取信件…」 after
  // a redirect), with 確定 alone. data-alert-title heads it; after 確定 focus goes to the
  // element named by data-alert-focus (the code field), where the user goes on.
  function showAlerts() {
    var queue = [];
    var seen = {};
    each('[data-alert-once]', function (el) {
      var text = el.getAttribute('data-alert-once');
      el.removeAttribute('data-alert-once');
      if (text && !seen[text]) {
        seen[text] = true;
        queue.push({
          title: el.getAttribute('data-alert-title') || '訊息',
          detail: text,
          focus: document.getElementById(el.getAttribute('data-alert-focus') || ''),
        });
      }
    });
    function next() {
      var alert = queue.shift();
      if (!alert) return;
      showDialog(
        {
          title: alert.title,
          detail: alert.detail,
          cancel: false,
          returnFocus: queue.length === 0 ? alert.focus || document.getElementById('main') : null,
        },
        next
      );
    }
    next();
  }

  function init() {
    each('[data-captcha-refresh]', initCaptchaRefresh);
    each('[data-captcha-audio]', initCaptchaAudio);
    each('[data-toggle-password]', initPasswordToggle);
    each('form[data-confirm]', initConfirm);
    each('[data-countdown-until]', initCountdown);
    each('[data-enable-at]', initCooldown);
    showAlerts();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

// Application wizard (apply_*.tpl): form[data-submit-once] ignores a second submit while the
// first is on its way, so a double click on 送出 cannot spend the single-use captcha twice and
// show an error for a request that in fact succeeded. A page restored by the back button is
// submittable again.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute('data-submit-once')) {
      return;
    }
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
  });
  window.addEventListener('pageshow', function () {
    var forms = document.querySelectorAll('form[data-submitting]');
    Array.prototype.forEach.call(forms, function (form) {
      form.removeAttribute('data-submitting');
    });
  });
})();

// AA console (admin_import.tpl): form[data-busy] shows its text in the form's [data-busy-status]
// while a long request (a 10,000-line import) is on its way, with the seconds elapsed, and
// ignores a second submit.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute('data-busy')) return;
    if (form.getAttribute('data-busy-since')) {
      event.preventDefault();
      return;
    }
    var started = Date.now();
    form.setAttribute('data-busy-since', String(started));
    var status = form.querySelector('[data-busy-status]');
    if (!status) return;
    status.hidden = false;
    var show = function () {
      status.textContent = form.getAttribute('data-busy') + '（已 ' +
        Math.floor((Date.now() - started) / 1000) + ' 秒）';
    };
    show();
    window.setInterval(show, 1000);
  });
  window.addEventListener('pageshow', function () {
    var forms = document.querySelectorAll('form[data-busy-since]');
    Array.prototype.forEach.call(forms, function (form) {
      form.removeAttribute('data-busy-since');
    });
  });
})();
