{{%AUTOESCAPE context="HTML"}}
{{! account_change.tpl: 修改帳號 (manual 三(一)): 新帳號 and 驗證碼, confirmed with 「確定送出？」; forced when the name breaks the rules, voluntary from the home page. }}
<section class="card flow-card" aria-labelledby="account-change-title">
<h1 id="account-change-title">修改帳號</h1>
{{#FORCED}}
<p class="notice-warning" id="forced-reason">因本系統資安等級提升，您的個人業務帳號不符合最新的帳號規則，請先修改帳號才能繼續使用系統。修改成功後系統將自動登出，請使用新帳號重新登入。</p>
{{/FORCED}}
{{#VOLUNTARY}}
<p class="field-hint">修改成功後系統將自動登出，請使用新帳號重新登入。</p>
{{/VOLUNTARY}}
{{#MESSAGE}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/account/change" class="form" id="account-change-form" data-confirm="確定送出？" data-confirm-detail="修改成功後系統將自動登出，請使用新帳號重新登入。">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="current-account">原帳號</label>
<input id="current-account" type="text" value="{{CURRENT_ACCOUNT}}" readonly>
</div>
<div class="field{{#NEW_ACCOUNT_INVALID}} has-error{{/NEW_ACCOUNT_INVALID}}">
<label for="new-account" class="required">新帳號</label>
<input id="new-account" name="new_account" type="text" value="{{NEW_ACCOUNT}}" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="64" aria-describedby="new-account-hint{{#NEW_ACCOUNT_INVALID}} new-account-error{{/NEW_ACCOUNT_INVALID}}"{{#NEW_ACCOUNT_INVALID}} aria-invalid="true"{{/NEW_ACCOUNT_INVALID}}>
{{>ACCOUNT_HINT}}
{{#NEW_ACCOUNT_INVALID}}
<div id="new-account-error">
{{#NEW_ACCOUNT_ERROR}}
<p class="field-error">{{TEXT}}</p>
{{/NEW_ACCOUNT_ERROR}}
</div>
{{/NEW_ACCOUNT_INVALID}}
</div>
<div class="field{{#CAPTCHA_ERROR}} has-error{{/CAPTCHA_ERROR}}">
<label for="captcha" class="required">驗證碼</label>
<div class="captcha-row">
<input id="captcha" name="captcha" type="text" class="captcha-input" inputmode="numeric" pattern="[0-9]*" maxlength="4" autocomplete="off" aria-describedby="captcha-hint{{#CAPTCHA_ERROR}} captcha-error{{/CAPTCHA_ERROR}}"{{#CAPTCHA_ERROR}} aria-invalid="true"{{/CAPTCHA_ERROR}}>
<img id="captcha-image" class="captcha" src="/captcha?form=account_change" alt="驗證碼圖片（4 位數字）" width="120" height="40">
<button type="button" id="captcha-refresh" class="link-button" data-captcha-refresh="captcha-image" data-captcha-input="captcha">更換圖片</button>
<a id="captcha-audio" class="link-button" href="/captcha/audio?form=account_change" target="_blank" rel="noopener" data-captcha-audio="captcha-image" data-captcha-input="captcha" aria-describedby="captcha-audio-hint">語音播放</a>
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
