{{%AUTOESCAPE context="HTML"}}
{{! apply_email.tpl: wizard step 2, E-Mail驗證 (manual 四 ⑦–⑨): greeting, 帳號資訊 (the verified ID masked and birth date read-only, E-Mail: the field 變更E-Mail points to), captcha, 送出; the ★小提醒 about the mail that follows. }}
<section class="card wizard-card" aria-labelledby="wizard-title">
{{>STEPS}}
<h1 id="wizard-title">申請個人業務帳號：E-Mail 驗證</h1>
<p class="greeting" id="greeting">{{NAME}} 您好：</p>
{{#CHANGING}}
<p class="notice" id="changing-notice">請輸入新的 E-Mail 後按【送出】，系統將寄出新的驗證代碼，先前寄出的驗證代碼將立即失效。</p>
{{/CHANGING}}
{{#MESSAGE}}
<p class="form-message" role="alert" id="form-message">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/apply/email" class="form" id="email-form" novalidate data-submit-once>
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
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="email" class="required">E-Mail</label>
<input id="email" name="email" type="email" value="{{EMAIL}}" autocomplete="email" autocapitalize="none" spellcheck="false" maxlength="254" aria-required="true" aria-describedby="email-hint{{#EMAIL_ERROR}} email-error{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
<p class="field-hint" id="email-hint">將用於收取系統驗證信或其他系統通知信。<br>※建議填寫 Gmail 或其他信箱，不建議填寫 Yahoo!信箱，信函較不易被阻擋。</p>
{{#EMAIL_ERROR}}
<p class="field-error" id="email-error">{{TEXT}}</p>
{{/EMAIL_ERROR}}
</div>
</fieldset>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha" class="required">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-required="true" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=apply_email" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=apply_email" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="email-submit">送出</button>
</form>
</section>
<section class="card reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title"><span aria-hidden="true">★</span>小提醒</h2>
<ol>
<li>若於一般收件匣未收到通知信，請查詢通知信是否歸類在【垃圾郵件】內。</li>
<li>為確保資料安全，驗證代碼將於此信件寄出後 5 分鐘或變更 E-Mail 後失效，並請勿將此驗證代碼告知他人。</li>
</ol>
</section>
