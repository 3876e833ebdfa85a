{{%AUTOESCAPE context="HTML"}}
{{! apply_verify.tpl: wizard step 2b, 輸入驗證代碼 (manual 四 ⑫–⑭): 變更E-Mail, the four notes, the code's letters and a 6-digit input, 剩餘時間 counting down to the server's expiry (xueji.js data-countdown-until), 重新發送驗證代碼 (its cooldown: data-enable-at), 驗證, and the ★小提醒. }}
<section class="card wizard-card" aria-labelledby="wizard-title">
{{>STEPS}}
<p class="change-email"><a class="button button-secondary" href="/apply/email" id="change-email">變更E-Mail</a></p>
<h1 id="wizard-title">申請個人業務帳號：輸入驗證代碼</h1>
{{#NOTICE}}
<div class="notice" role="status" id="sent-notice" data-alert-once="{{ALERT}}" data-alert-title="{{TEXT}}" data-alert-focus="code">
<p>{{TEXT}}</p>
<p>{{ALERT}}</p>
</div>
{{/NOTICE}}
<ol class="wizard-notes" id="verify-notes">
<li>系統已將驗證碼送至 <strong class="sent-address" id="sent-address">{{EMAIL}}</strong> ! 但個人業務帳號尚未完成申請，請勿關閉此頁面！</li>
<li>各E-Mail收信速度不同，並非即時收到信件，請稍等1~3分鐘至您指定的E-Mail收取驗證代碼，若尚未收到驗證代碼，請至「垃圾信件匣」檢查是否被歸類為垃圾信件，或點擊【重新發送驗證代碼】按鈕。</li>
<li>驗證代碼將於5分鐘後失效，請及時在此網頁輸入【驗證代碼】。</li>
<li>待驗證代碼輸入驗證完成後，系統將自動跳轉至「帳號申請」流程。</li>
</ol>
<form method="post" action="/apply/verify" class="form code-form" id="verify-form" novalidate data-submit-once>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#CODE_ERROR}} has-error{{/CODE_ERROR}}">
<label for="code" class="required">請輸入E-Mail驗證代碼</label>
<div class="code-row">
<span class="code-prefix" id="code-prefix" aria-label="驗證代碼英文碼">{{PREFIX}}</span>
<span class="code-dash" aria-hidden="true">-</span>
<input id="code" name="code" type="text" class="code-input" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" aria-required="true" aria-describedby="code-prefix time-left-label{{#CODE_ERROR}} code-error{{/CODE_ERROR}}"{{#CODE_ERROR}} aria-invalid="true"{{/CODE_ERROR}}>
</div>
<p class="time-left" id="time-left-label">剩餘時間 <span id="time-left" data-countdown-until="{{EXPIRES_AT}}" data-server-now="{{SERVER_NOW}}" data-expired-text="00:00（已失效）" role="timer">{{TIME_LEFT}}</span>{{#CODE_EXPIRED}} <span class="code-expired" id="code-expired">驗證代碼已失效，請點選【重新發送驗證代碼】。</span>{{/CODE_EXPIRED}}</p>
{{#CODE_ERROR}}
<p class="field-error" id="code-error" role="alert">{{TEXT}}</p>
{{/CODE_ERROR}}
</div>
<div class="code-actions">
<button type="submit" class="button button-secondary" id="resend" form="resend-form" data-enable-at="{{RESEND_AT}}" data-server-now="{{SERVER_NOW}}"><span aria-hidden="true">↻</span> 重新發送驗證代碼<span data-cooldown-label="（{t} 後可按）" hidden></span></button>
<button type="submit" class="button button-primary" id="verify-submit">驗證</button>
</div>
{{#RESEND_ERROR}}
<p class="field-error" id="resend-error" role="alert">{{TEXT}}</p>
{{/RESEND_ERROR}}
</form>
{{! The resend button sits beside 驗證 but belongs to this form (form="resend-form"), so Enter in the code field still means 驗證. }}
<form method="post" action="/apply/resend" id="resend-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
</form>
</section>
<section class="card reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title"><span aria-hidden="true">★</span>小提醒</h2>
<ol>
<li>若尚未收到驗證代碼，請至信箱的「垃圾信件匣」檢查是否被歸類為垃圾信件，或於 3 分鐘後再點選【重新發送驗證代碼】按鈕。提醒您，若連續觸發寄送驗證碼，請注意驗證代碼的英文碼，避免填入上一封已失效的驗證代碼。</li>
<li>若原先填寫的 E-Mail 無法收到信件，請點擊【變更 E-Mail】按鈕，於「帳號資訊」欄位更換另一組 E-Mail。</li>
</ol>
</section>
