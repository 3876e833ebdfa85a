{{%AUTOESCAPE context="HTML"}}
{{! forgot_password_reset.tpl: 重設密碼, after 忘記密碼: the neutral notes, the code's letters and a 6-digit input with 剩餘時間 (xueji.js data-countdown-until), 新密碼 and 確認新密碼 with eyes, 重設密碼, and 重新發送驗證代碼 (its cooldown: data-enable-at). It never shows an address or an account: every session that asked gets this page. }}
<section class="card wizard-card forgot-card" aria-labelledby="forgot-title">
<p class="back-to-login"><a href="/login" id="back-to-login"><span aria-hidden="true">←</span> 返回登入頁面</a></p>
<h1 id="forgot-title">重設密碼</h1>
{{#NOTICE}}
<div class="notice" role="status" id="sent-notice" data-alert-once="{{ALERT}}" data-alert-title="{{TEXT}}" data-alert-focus="code">
<p>{{TEXT}}</p>
<p>{{ALERT}}</p>
</div>
{{/NOTICE}}
<ol class="wizard-notes" id="reset-notes">
<li id="sent-message">{{SENT_MESSAGE}}若尚未收到，請至「垃圾信件匣」檢查是否被歸類為垃圾信件，或點擊【重新發送驗證代碼】按鈕。</li>
<li>請確認信件中驗證代碼的英文碼與本頁面相同，再輸入英文碼後的 6 位數字並設定新密碼；驗證代碼將於寄出後 5 分鐘失效，請勿關閉此頁面。</li>
<li>忘記密碼：僅限已驗證E-Mail之業務承辦人操作，若E-Mail已無法收信，可洽詢貴校學校權限AA帳號持有者重設密碼或透過諮詢專員重設E-Mail。</li>
<li>密碼重設成功後，此帳號在其他電腦或瀏覽器的登入將全部登出，請使用新密碼重新登入。</li>
</ol>
{{#MESSAGE}}
<p class="form-message" role="alert" id="form-message">{{TEXT}}</p>
{{/MESSAGE}}
<form method="post" action="/forgot/password/reset" class="form code-form" id="reset-form" novalidate data-submit-once>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#CODE_ERROR}} has-error{{/CODE_ERROR}}">
<label for="code" class="required">請輸入E-Mail驗證代碼</label>
<div class="code-row">
<span class="code-prefix" id="code-prefix" aria-label="驗證代碼英文碼">{{PREFIX}}</span>
<span class="code-dash" aria-hidden="true">-</span>
<input id="code" name="code" type="text" class="code-input" value="{{CODE}}" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" aria-required="true" aria-describedby="code-prefix time-left-label{{#CODE_ERROR}} code-error{{/CODE_ERROR}}"{{#CODE_ERROR}} aria-invalid="true"{{/CODE_ERROR}}>
</div>
<p class="time-left" id="time-left-label">剩餘時間 <span id="time-left" data-countdown-until="{{EXPIRES_AT}}" data-server-now="{{SERVER_NOW}}" data-expired-text="00:00（已失效）" role="timer">{{TIME_LEFT}}</span>{{#CODE_EXPIRED}} <span class="code-expired" id="code-expired">驗證代碼已失效，請點選【重新發送驗證代碼】。</span>{{/CODE_EXPIRED}}</p>
{{#CODE_ERROR}}
<p class="field-error" id="code-error" role="alert">{{TEXT}}</p>
{{/CODE_ERROR}}
</div>
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
<div class="code-actions">
<button type="submit" class="button button-secondary" id="resend" form="resend-form" data-enable-at="{{RESEND_AT}}" data-server-now="{{SERVER_NOW}}"><span aria-hidden="true">↻</span> 重新發送驗證代碼<span data-cooldown-label="（{t} 後可按）" hidden></span></button>
<button type="submit" class="button button-primary" id="reset-submit">重設密碼</button>
</div>
{{#RESEND_ERROR}}
<p class="field-error" id="resend-error" role="alert">{{TEXT}}</p>
{{/RESEND_ERROR}}
</form>
{{! The resend button sits beside 重設密碼 but belongs to this form (form="resend-form"), so Enter in a field still means 重設密碼 and no typed password travels with a resend. }}
<form method="post" action="/forgot/password/reset" id="resend-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="resend">
</form>
<p class="forgot-links"><a href="/forgot/password">重新填寫資料</a><span class="divider" aria-hidden="true">|</span><a href="/login">返回登入頁面</a></p>
</section>
