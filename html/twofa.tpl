{{%AUTOESCAPE context="HTML"}}
{{! twofa.tpl: 雙因子認證 — the 6-digit TOTP code of an account that has two-factor bound, asked right after the password. }}
<section class="card flow-card" aria-labelledby="twofa-title">
<h1 id="twofa-title">雙因子認證</h1>
<p>帳號 <strong id="twofa-account">{{ACCOUNT}}</strong> 已綁定雙因子認證。請開啟手機上的驗證器 App（例如 Google Authenticator），輸入「學籍系統 2.0」目前顯示的 6 位數驗證碼。</p>
<form method="post" action="/2fa" class="form" id="twofa-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#OTP_ERROR}} has-error{{/OTP_ERROR}}">
<label for="otp" class="required">驗證碼（6 位數字）</label>
<input id="otp" name="otp" type="text" class="otp-input" inputmode="numeric" pattern="[0-9 ]*" maxlength="7" autocomplete="one-time-code" autofocus{{#OTP_ERROR}} aria-invalid="true" aria-describedby="otp-error"{{/OTP_ERROR}}>
{{#OTP_ERROR}}
<p class="field-error" id="otp-error" role="alert">{{TEXT}}</p>
{{/OTP_ERROR}}
</div>
<button type="submit" class="button button-primary button-block">驗證</button>
</form>
<p class="field-hint">驗證碼每 30 秒更新一次，每組只能使用一次。若手機遺失或更換，請洽貴校學校權限AA帳號持有者重設雙因子認證。</p>
<form method="post" action="/logout" class="logout-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link-button">登出</button>
</form>
</section>
