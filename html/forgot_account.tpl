{{%AUTOESCAPE context="HTML"}}
{{! forgot_account.tpl: 忘記帳號 (product.md §7): ID number, birth date, captcha, 送出. After a request the neutral notice (SENT) says the name went to the verified e-mail if the details were right; the page never shows an account name. }}
<section class="card wizard-card forgot-card" aria-labelledby="forgot-title">
<p class="back-to-login"><a href="/login" id="back-to-login"><span aria-hidden="true">←</span> 返回登入頁面</a></p>
<h1 id="forgot-title">忘記帳號</h1>
{{#SENT}}
<div class="notice" role="status" id="sent-notice">
<p>{{TEXT}}</p>
<p>若未收到信件，請至信箱的「垃圾信件匣」檢查是否被歸類為垃圾信件。</p>
<p class="has-account-links"><a class="button button-primary" href="/login" id="to-login">前往登入頁面</a> <a class="button button-secondary" href="/forgot/password">忘記密碼</a></p>
</div>
{{/SENT}}
<ol class="wizard-notes" id="forgot-notes">
<li>請輸入您的身分證/外籍人士統一證號及出生年月日，系統將寄送您的個人業務帳號至您已驗證的 E-Mail；為保護個人資料，帳號不會顯示於本頁面。</li>
<li>僅限已驗證E-Mail之業務承辦人操作，若E-Mail已無法收信，可洽詢貴校學校權限AA帳號持有者協助或透過諮詢專員重設E-Mail。</li>
<li>為保護帳號安全，每個帳號每日最多寄送 3 次帳號查詢通知信。</li>
</ol>
{{#MESSAGE}}
<p class="form-message" role="alert" id="form-message">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/forgot/account" class="form" id="forgot-account-form" novalidate data-submit-once>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#ID_ERROR}} has-error{{/ID_ERROR}}">
<label for="national_id" class="required">身分證/外籍人士統一證號</label>
<input id="national_id" name="national_id" type="text" value="{{NATIONAL_ID}}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="10" aria-required="true"{{#ID_ERROR}} aria-invalid="true" aria-describedby="national-id-error"{{/ID_ERROR}}>
{{#ID_ERROR}}
<p class="field-error" id="national-id-error">{{TEXT}}</p>
{{/ID_ERROR}}
</div>
<div class="field{{#BIRTH_ERROR}} has-error{{/BIRTH_ERROR}}">
<label for="birth_date" class="required">出生年月日</label>
<input id="birth_date" name="birth_date" type="text" value="{{BIRTH_DATE}}" placeholder="西元年-月-日" inputmode="numeric" autocomplete="bday" maxlength="10" aria-required="true" aria-describedby="birth-date-hint{{#BIRTH_ERROR}} birth-date-error{{/BIRTH_ERROR}}"{{#BIRTH_ERROR}} aria-invalid="true"{{/BIRTH_ERROR}}>
<p class="field-hint date-hint" id="birth-date-hint">日期格式為yyyy-mm-dd。</p>
{{#BIRTH_ERROR}}
<p class="field-error" id="birth-date-error">{{TEXT}}</p>
{{/BIRTH_ERROR}}
</div>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha" class="required">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-required="true" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=forgot_account" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=forgot_account" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="forgot-submit">送出</button>
</form>
<p class="forgot-links"><a href="/forgot/password">忘記密碼</a><span class="divider" aria-hidden="true">|</span><a href="/login">返回登入頁面</a></p>
</section>
