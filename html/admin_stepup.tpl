{{%AUTOESCAPE context="HTML"}}
{{! admin_stepup.tpl: a fresh second factor before a sensitive action (reset password, reset 2FA, remove staff, e-mail reset): the authenticator's 6-digit code, good for 10 minutes; BACK is the console page to return to. }}
<section class="card flow-card admin-card" aria-labelledby="stepup-title">
<p class="admin-nav"><a href="{{BACK}}">返回</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="stepup-title">身分再確認</h1>
<p>重設密碼、重設雙因子認證、移除教職員及重設 E-Mail 為敏感操作，請先輸入驗證器 App 顯示的 6 位數字驗證碼；確認後 10 分鐘內可執行這些操作，完成確認後請再按一次要執行的按鈕。</p>
<form method="post" action="/admin/stepup" class="form" id="stepup-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="back" value="{{BACK}}">
<div class="field{{#OTP_ERROR}} has-error{{/OTP_ERROR}}">
<label for="otp" class="required">驗證碼</label>
<input id="otp" name="otp" class="otp-input" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required{{#OTP_ERROR}} aria-invalid="true" aria-describedby="otp-error"{{/OTP_ERROR}}>
{{#OTP_ERROR}}
<p class="field-error" id="otp-error">{{TEXT}}</p>
{{/OTP_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="stepup-submit">確認</button>
</form>
</section>
