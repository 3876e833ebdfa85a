{{%AUTOESCAPE context="HTML"}}
{{! twofa_bind.tpl: 雙因子認證綁定 — forced while TOTP is not bound: the QR code and the key (groups of 4) for an authenticator app, confirmed with one code. }}
<section class="card flow-card" aria-labelledby="bind-title">
<h1 id="bind-title">雙因子認證綁定</h1>
<p>配合資安政策，本系統採用雙因子認證登入機制。帳號 <strong id="bind-account">{{ACCOUNT}}</strong> 尚未綁定，請完成以下步驟後才能使用系統：</p>
<ol class="bind-steps">
<li>於手機安裝驗證器 App（例如 Google Authenticator 或 Microsoft Authenticator）。</li>
<li>在 App 中新增帳戶，掃描下方 QR Code；無法掃描時，請選擇手動輸入金鑰。</li>
<li>輸入 App 中「{{ISSUER}}」顯示的 6 位數驗證碼，按【綁定】完成。</li>
</ol>
<div class="bind-layout">
<img id="totp-qr" class="totp-qr" src="/2fa/qr" alt="雙因子認證 QR Code（無法掃描時請改用下方金鑰手動輸入）" width="225" height="225">
<dl class="totp-details">
<dt>發行者</dt>
<dd>{{ISSUER}}</dd>
<dt>帳戶</dt>
<dd>{{ACCOUNT}}</dd>
<dt>金鑰（以時間為準）</dt>
<dd><code id="totp-key" class="totp-key">{{KEY}}</code></dd>
</dl>
</div>
<form method="post" action="/2fa/bind" class="form" id="bind-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#OTP_ERROR}} has-error{{/OTP_ERROR}}">
<label for="otp" class="required">驗證碼（6 位數字）</label>
<input id="otp" name="otp" type="text" class="otp-input" inputmode="numeric" pattern="[0-9 ]*" maxlength="7" autocomplete="one-time-code"{{#OTP_ERROR}} aria-invalid="true" aria-describedby="otp-error"{{/OTP_ERROR}}>
{{#OTP_ERROR}}
<p class="field-error" id="otp-error" role="alert">{{TEXT}}</p>
{{/OTP_ERROR}}
</div>
<button type="submit" class="button button-primary button-block">綁定</button>
</form>
<p class="field-hint">請妥善保管手機；更換或遺失手機時，請洽貴校學校權限AA帳號持有者重設雙因子認證。</p>
<form method="post" action="/logout" class="logout-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link-button">登出</button>
</form>
</section>
