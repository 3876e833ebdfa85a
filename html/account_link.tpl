{{%AUTOESCAPE context="HTML"}}
{{! account_link.tpl: the page of a one-time link the console mailed: after an AA's password reset, 設定新密碼; after a helpdesk e-mail reset, the new address is confirmed with the new password. EXPIRED when the link is used, replaced or past its 60 minutes. }}
<section class="card wizard-card forgot-card" aria-labelledby="link-title">
<p class="back-to-login"><a href="/login" id="back-to-login"><span aria-hidden="true">←</span> 返回登入頁面</a></p>
<h1 id="link-title">{{#EMAIL}}確認 E-Mail 並{{/EMAIL}}設定新密碼</h1>
{{#EXPIRED}}
<p class="form-message" role="alert" id="link-expired">此連結已使用、已失效或已超過 60 分鐘，請洽貴校學校權限AA帳號持有者重新寄送，或使用登入頁面【忘記密碼】功能。</p>
{{/EXPIRED}}
{{#FORM}}
<p id="link-account">個人業務帳號：<strong>{{LOGIN_NAME}}</strong></p>
{{#EMAIL}}<p id="link-email">E-Mail：{{ADDRESS}}（設定新密碼後即完成驗證）</p>{{/EMAIL}}
{{#MESSAGE}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/forgot/password/reset" class="form" id="link-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<div class="field{{#NEW_PASSWORD_INVALID}} has-error{{/NEW_PASSWORD_INVALID}}">
<label for="new-password" class="required">新密碼</label>
<div class="password-row">
<input id="new-password" name="new_password" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" maxlength="64" aria-required="true" aria-describedby="new-password-hint{{#NEW_PASSWORD_INVALID}} new-password-error{{/NEW_PASSWORD_INVALID}}"{{#NEW_PASSWORD_INVALID}} aria-invalid="true"{{/NEW_PASSWORD_INVALID}}>
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
<input id="new-password-confirm" name="new_password_confirm" type="password" autocomplete="new-password" autocapitalize="none" spellcheck="false" maxlength="64" aria-required="true"{{#CONFIRM_ERROR}} aria-invalid="true" aria-describedby="confirm-error"{{/CONFIRM_ERROR}}>
<button type="button" class="eye-toggle" data-toggle-password="new-password-confirm" aria-pressed="false" aria-label="顯示密碼" title="顯示密碼"><svg class="eye eye-open" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/></svg><svg class="eye eye-closed" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><circle cx="12" cy="12" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3 3l18 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
</div>
{{#CONFIRM_ERROR}}
<p class="field-error" id="confirm-error">{{TEXT}}</p>
{{/CONFIRM_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="link-submit">設定新密碼</button>
</form>
{{/FORM}}
</section>
