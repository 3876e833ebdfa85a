{{%AUTOESCAPE context="HTML"}}
{{! apply_identity.tpl: wizard step 1, 身分驗證 (manual 四 ③–⑥): the two notes, ID number, birth date, captcha, 送出, and the ★小提醒. }}
<section class="card wizard-card" aria-labelledby="wizard-title">
{{>STEPS}}
<h1 id="wizard-title">申請個人業務帳號：身分驗證</h1>
<ol class="wizard-notes">
<li>因應資安政策，須先由學校權限AA帳號持有者建置教職員個人聘約及職務資料後，教職員方能以個人身分證/外籍人士統一證號申請個人業務帳號。</li>
<li>縣市層級以上承辦人如欲申請個人業務帳號，請透過前任承辦人至【U3.空白表單】下載最新版縣市承辦人帳號申請表，填妥並核章後再由前任承辦人使用【U5.我要發問】協助提出申請。</li>
</ol>
{{#MESSAGE}}
<p class="form-message" role="alert" id="form-message">{{TEXT}}</p>
{{/MESSAGE}}
{{#HAS_ACCOUNT}}
<div class="form-message has-account" role="alert" id="form-message">
<p>您已申請過個人業務帳號，不需再次申請，請直接至登入頁面使用個人業務帳號及密碼登入。</p>
<p>若忘記密碼，請使用登入頁面的【忘記密碼】功能；若忘記帳號，請使用【忘記帳號】功能。</p>
<p class="has-account-links"><a class="button button-primary" href="/login">前往登入頁面</a> <a class="button button-secondary" href="/forgot/password">忘記密碼</a> <a class="button button-secondary" href="/forgot/account">忘記帳號</a></p>
</div>
{{/HAS_ACCOUNT}}
<form method="post" action="/apply/identity" class="form" id="identity-form" novalidate data-submit-once>
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
<img id="captcha-image" class="captcha" src="/captcha?form=apply_identity" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=apply_identity" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
</div>
<p class="field-hint" id="captcha-hint">請輸入圖片中的 4 位數字；看不清楚可按「更換圖片」，或按「語音播放」以國語聆聽同一組數字。</p>
<p class="visually-hidden" id="captcha-audio-hint">以國語播放與圖片相同的 4 位數字，夾有背景雜音。</p>
{{#CAPTCHA_ERROR}}
<p class="field-error" id="captcha-error">{{TEXT}}</p>
{{/CAPTCHA_ERROR}}
</div>
<button type="submit" class="button button-primary button-block" id="identity-submit">送出</button>
</form>
</section>
<section class="card reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title"><span aria-hidden="true">★</span>小提醒</h2>
<p>請學校權限 AA 帳號先完成個人職務配置後，再申請個人業務帳號。若學校權限 AA 帳號尚未完成個人職務配置即以個人業務帳號登入系統，登入時將顯示「貴校教務/人事尚未配置您的權限，故無功能可使用，請洽貴校承辦人修正。」訊息。</p>
</section>
