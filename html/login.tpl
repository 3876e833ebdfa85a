{{%AUTOESCAPE context="HTML"}}
{{! login.tpl: the login page body (manual 三 and 四): the login card first in reading order so keyboard users reach the form at once; the CSS puts the announcement beside it on wide screens. }}
<div class="login-layout">
<section class="card login-card" aria-labelledby="login-title">
<h1 id="login-title">個人業務帳號登入</h1>
{{#NOTICE}}
<p class="notice">{{TEXT}}</p>
{{/NOTICE}}
{{#MESSAGE}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/MESSAGE}}
{{#ID_NUMBER_ACCOUNT}}
<div class="form-message" role="alert" id="id-number-account">
<p>身分證/外籍人士統一證號已不再作為帳號使用。曾使用身分證作為帳號之承辦人，請點選【申請個人業務帳號】重新申請；申請完成後，請使用新的個人業務帳號登入，原帳號即停止使用。</p>
<p><a class="button button-primary" id="id-number-apply" href="/apply/identity">申請個人業務帳號</a></p>
</div>
{{/ID_NUMBER_ACCOUNT}}
<form method="post" action="/login" class="form" id="login-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#ACCOUNT_ERROR}} has-error{{/ACCOUNT_ERROR}}">
<label for="account">帳號</label>
<input id="account" name="account" type="text" value="{{ACCOUNT}}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64"{{#ACCOUNT_ERROR}} aria-invalid="true" aria-describedby="account-error"{{/ACCOUNT_ERROR}}>
{{#ACCOUNT_ERROR}}
<p class="field-error" id="account-error">{{TEXT}}</p>
{{/ACCOUNT_ERROR}}
</div>
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">密碼</label>
<div class="password-row">
<input id="password" name="password" type="password" autocomplete="current-password" autocapitalize="none" spellcheck="false"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
<button type="button" class="eye-toggle" data-toggle-password="password" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{#PASSWORD_ERROR}}
<p class="field-error" id="password-error">{{TEXT}}</p>
{{/PASSWORD_ERROR}}
</div>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=login" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=login" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block">登入</button>
</form>
<p class="forgot-links"><a href="/forgot/account">忘記帳號?</a><span class="divider" aria-hidden="true">|</span><a href="/forgot/password">忘記密碼</a></p>
<p class="apply-link"><a class="button button-secondary button-block" href="/apply/identity">申請個人業務帳號</a></p>
<section class="other-logins" aria-labelledby="other-logins-title">
<h2 id="other-logins-title">其他登入方式</h2>
<p class="field-hint" id="other-logins-note">以下登入方式暫不開放，請使用個人業務帳號及密碼登入。</p>
<ul>
<li><button type="button" class="button button-other" disabled aria-disabled="true" aria-describedby="other-logins-note">自然人憑證/機關憑證(XCA)<span class="badge">暫不開放</span></button></li>
<li><button type="button" class="button button-other" disabled aria-disabled="true" aria-describedby="other-logins-note">Google帳號登入+OTP<span class="badge">暫不開放</span></button></li>
<li><button type="button" class="button button-other" disabled aria-disabled="true" aria-describedby="other-logins-note">行動自然人憑證<span class="badge">暫不開放</span></button></li>
</ul>
</section>
</section>
{{#ANNOUNCEMENT}}
<section class="card announcement" aria-labelledby="announcement-title" id="announcement">
<h2 id="announcement-title">系統公告</h2>
{{! The text is the sysadmin's (xueji-ctl announcement set), escaped like everything else; only
    the words 操作手冊 become links, made here. }}
{{#PARAGRAPH}}
<p>{{#PART}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MANUAL_LINK}}<a href="/static/manual/">{{TEXT}}</a>{{/MANUAL_LINK}}{{/PART}}</p>
{{/PARAGRAPH}}
</section>
{{/ANNOUNCEMENT}}
<section class="card reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title">★小提醒</h2>
<ol>
<li>建議優先使用 Google Chrome 瀏覽器瀏覽本系統，且需更新至最新版本。<br>版本確認及更新方式：開啟瀏覽器，於網址列輸入 <code>chrome://settings/help</code>，瀏覽器將執行版本檢查與自動更新，點擊【重新啟動】完成更新。</li>
<li>本系統含有大量教職員及學校資料，請遵守個資法勿借用帳號。</li>
<li>帳密連續輸入3次錯誤，將暫時停用帳號，需等待15分鐘後才能再次登入。</li>
<li>忘記密碼：僅限已驗證E-Mail之業務承辦人操作，若E-Mail已無法收信，可洽詢貴校學校權限AA帳號持有者重設密碼或透過諮詢專員重設E-Mail。</li>
</ol>
</section>
</div>
