{{%AUTOESCAPE context="HTML"}}
{{! password_change.tpl: 修改密碼 (manual 三(二)): 原密碼 with the manual's hint, 新密碼, 確認新密碼, 驗證碼, confirmed with 「是否確定修改密碼？」; forced (expired, rules, admin reset) or voluntary from the home page. }}
<section class="card flow-card" aria-labelledby="password-change-title">
<h1 id="password-change-title">修改密碼</h1>
{{#FORCED}}
<p class="notice-warning" id="forced-reason">{{REASON}}修改成功後系統將自動登出，請使用新密碼重新登入。</p>
{{/FORCED}}
{{#VOLUNTARY}}
<p class="field-hint">修改成功後系統將自動登出，請使用新密碼重新登入。</p>
{{/VOLUNTARY}}
{{#MESSAGE}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/password/change" class="form" id="password-change-form" data-confirm="是否確定修改密碼？" data-confirm-detail="修改成功後系統將自動登出，請使用新密碼重新登入。">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#OLD_PASSWORD_ERROR}} has-error{{/OLD_PASSWORD_ERROR}}">
<label for="old-password" class="required">原密碼</label>
<div class="password-row">
<input id="old-password" name="old_password" type="password" autocomplete="current-password" autocapitalize="none" spellcheck="false" aria-describedby="old-password-hint{{#OLD_PASSWORD_ERROR}} old-password-error{{/OLD_PASSWORD_ERROR}}"{{#OLD_PASSWORD_ERROR}} aria-invalid="true"{{/OLD_PASSWORD_ERROR}}>
<button type="button" class="eye-toggle" data-toggle-password="old-password" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
<p class="field-hint hint-warning" id="old-password-hint"><span aria-hidden="true">ⓘ </span>若忘記原密碼可使用登入頁面【忘記密碼】功能或由學校權限AA帳號持有者協助。</p>
{{#OLD_PASSWORD_ERROR}}
<p class="field-error" id="old-password-error">{{TEXT}}</p>
{{/OLD_PASSWORD_ERROR}}
</div>
<div class="field{{#NEW_PASSWORD_INVALID}} has-error{{/NEW_PASSWORD_INVALID}}">
<label for="new-password" class="required">新密碼</label>
<div class="password-row">
<input id="new-password" name="new_password" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" maxlength="64" aria-describedby="new-password-hint{{#NEW_PASSWORD_INVALID}} new-password-error{{/NEW_PASSWORD_INVALID}}"{{#NEW_PASSWORD_INVALID}} aria-invalid="true"{{/NEW_PASSWORD_INVALID}}>
<button type="button" class="eye-toggle" data-toggle-password="new-password" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{>PASSWORD_HINT}}
{{#NEW_PASSWORD_INVALID}}
<div id="new-password-error">
{{#NEW_PASSWORD_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/NEW_PASSWORD_ERROR}}
</div>
{{/NEW_PASSWORD_INVALID}}
</div>
<div class="field{{#CONFIRM_ERROR}} has-error{{/CONFIRM_ERROR}}">
<label for="new-password-confirm" class="required">確認新密碼</label>
<div class="password-row">
<input id="new-password-confirm" name="new_password_confirm" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" maxlength="64"{{#CONFIRM_ERROR}} aria-invalid="true" aria-describedby="confirm-error"{{/CONFIRM_ERROR}}>
<button type="button" class="eye-toggle" data-toggle-password="new-password-confirm" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{#CONFIRM_ERROR}}
<p class="field-error" id="confirm-error">{{TEXT}}</p>
{{/CONFIRM_ERROR}}
</div>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha" class="required">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=password_change" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=password_change" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block">送出</button>
</form>
{{#VOLUNTARY}}
<p class="back-link"><a href="/home">返回首頁</a></p>
{{/VOLUNTARY}}
{{#FORCED}}
<form method="post" action="/logout" class="logout-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link-button">登出</button>
</form>
{{/FORCED}}
</section>
