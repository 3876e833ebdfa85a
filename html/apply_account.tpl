{{%AUTOESCAPE context="HTML"}}
{{! apply_account.tpl: wizard step 3, 帳號申請 (manual 四 ⑮–⑳): greeting, 帳號資訊 read-only, 新帳號, 新密碼 and 確認新密碼 with show/hide eyes (xueji.js data-toggle-password), 聯絡電話 pre-filled, captcha, 送出. Passwords are never written back into the page. }}
<section class="card wizard-card" aria-labelledby="wizard-title">
{{>STEPS}}
<h1 id="wizard-title">申請個人業務帳號：帳號申請</h1>
<p class="greeting" id="greeting">{{NAME}}您好：</p>
{{#SUMMARY}}
<p class="form-message" role="alert" id="form-summary">{{TEXT}}</p>
{{/SUMMARY}}
{{#MESSAGE}}
<div class="form-message" role="alert" id="form-message"><p>{{TEXT}}</p><p><a href="/login">前往登入頁面</a>　<a href="/forgot/password">忘記密碼</a></p></div>
{{/MESSAGE}}
<form method="post" action="/apply/account" class="form" id="account-form" novalidate data-submit-once>
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="account-info">
<legend>帳號資訊</legend>
<div class="field">
<label for="id_masked">身分證/外籍人士統一證號</label>
<input id="id_masked" type="text" value="{{ID_MASKED}}" readonly>
</div>
<div class="field">
<label for="birth_date_shown">出生年月日</label>
<input id="birth_date_shown" type="text" value="{{BIRTH_DATE}}" readonly>
</div>
<div class="field">
<label for="email_shown">E-Mail</label>
<input id="email_shown" type="text" value="{{EMAIL}}" readonly>
</div>
<div class="field{{#ACCOUNT_INVALID}} has-error{{/ACCOUNT_INVALID}}">
<label for="account" class="required">新帳號</label>
<input id="account" name="account" type="text" value="{{ACCOUNT}}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="20" aria-required="true" aria-describedby="account-hint{{#ACCOUNT_INVALID}} account-error{{/ACCOUNT_INVALID}}"{{#ACCOUNT_INVALID}} aria-invalid="true"{{/ACCOUNT_INVALID}}>
{{>ACCOUNT_HINT}}
{{#ACCOUNT_INVALID}}
<div id="account-error">
{{#ACCOUNT_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/ACCOUNT_ERROR}}
</div>
{{/ACCOUNT_INVALID}}
</div>
<div class="field{{#PASSWORD_INVALID}} has-error{{/PASSWORD_INVALID}}">
<label for="password" class="required">新密碼</label>
<div class="password-row">
<input id="password" name="password" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" aria-required="true" aria-describedby="password-hint{{#PASSWORD_INVALID}} password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
<button type="button" class="eye-toggle" id="password-eye" data-toggle-password="password" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{>PASSWORD_HINT}}
{{#PASSWORD_INVALID}}
<div id="password-error">
{{#PASSWORD_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/PASSWORD_ERROR}}
</div>
{{/PASSWORD_INVALID}}
</div>
<div class="field{{#CONFIRM_INVALID}} has-error{{/CONFIRM_INVALID}}">
<label for="password_confirm" class="required">確認新密碼</label>
<div class="password-row">
<input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" aria-required="true"{{#CONFIRM_INVALID}} aria-invalid="true" aria-describedby="confirm-error"{{/CONFIRM_INVALID}}>
<button type="button" class="eye-toggle" id="password-confirm-eye" data-toggle-password="password_confirm" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{#CONFIRM_INVALID}}
<div id="confirm-error">
{{#CONFIRM_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/CONFIRM_ERROR}}
</div>
{{/CONFIRM_INVALID}}
</div>
<div class="field{{#PHONE_INVALID}} has-error{{/PHONE_INVALID}}">
<label for="phone">聯絡電話</label>
<input id="phone" name="phone" type="tel" value="{{PHONE}}" autocomplete="tel" maxlength="40" aria-describedby="phone-hint{{#PHONE_INVALID}} phone-error{{/PHONE_INVALID}}"{{#PHONE_INVALID}} aria-invalid="true"{{/PHONE_INVALID}}>
<p class="field-hint" id="phone-hint">若原已有填寫過聯絡電話，將呈現原聯絡資訊；若需變更聯絡電話，亦可於本頁面進行修改（例如 0912-345-678 或 02-2345-6789#123）。</p>
{{#PHONE_INVALID}}
<div id="phone-error">
{{#PHONE_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/PHONE_ERROR}}
</div>
{{/PHONE_INVALID}}
</div>
</fieldset>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha" class="required">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-required="true" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=apply_account" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=apply_account" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="account-submit">送出</button>
</form>
</section>
