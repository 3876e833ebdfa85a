{{%AUTOESCAPE context="HTML"}}
{{! admin_staff.tpl: the staff of one school's active year (AA console, issue 18): the approved staffing against the duties assigned, then one card per staff member with duties (assign / remove those the viewer configures) and the account's state; the AA also edits records and helps with accounts. }}
<section class="card admin-card" aria-labelledby="admin-staff-title">
<p class="admin-nav"><a href="/admin" id="link-admin">學校列表</a> ｜ <a href="/home">首頁</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="admin-staff-title"><span id="school-name">{{SCHOOL_NAME}}</span>（{{SCHOOL_CODE}}）{{YEAR}} 學年度教職員</h1>
{{#FLASH}}
<p class="notice" role="status" id="admin-flash">{{TEXT}}</p>
{{/FLASH}}
{{#ERROR}}
<p class="form-message" role="alert" id="admin-error">{{TEXT}}</p>
{{/ERROR}}
{{#AA}}
<p class="admin-actions">
<a class="button button-secondary" id="link-staff-new" href="/admin/staff/new?school={{SCHOOL_CODE}}">新增教職員</a>
<a class="button button-secondary" id="link-import" href="/admin/import?school={{SCHOOL_CODE}}">匯入教職員</a>
<a class="button button-secondary" id="link-year" href="/admin/import?school={{SCHOOL_CODE}}&amp;action=year">沿用上學年度職務</a>
<a class="button button-secondary" id="link-audit" href="/admin/audit?school={{SCHOOL_CODE}}">稽核紀錄</a>
</p>
{{/AA}}
<h2>行政職務員額（縣市核定／已配置）</h2>
<p class="field-hint">縣市必須先核定員額編制，學校方能配置各處室行政人員！若對於編制核定有疑慮，請逕洽貴縣市相關業務承辦人確認。</p>
<ul class="post-list" id="posts">
{{#POST}}
<li class="post"><span class="post-duty">{{DUTY}}</span> <span class="post-count">{{APPROVED}}／{{ASSIGNED}}</span></li>
{{/POST}}
</ul>
<h2>教職員（{{STAFF_COUNT}} 人）</h2>
<div class="staff-list" id="staff-list">
{{#STAFF}}
<article class="staff-card" id="staff-{{STAFF_ID}}" data-staff-id="{{STAFF_ID}}">
<h3><span class="staff-name">{{NAME}}</span> <span class="staff-id">{{ID_MASKED}}</span>{{#CAN_EDIT}} <a class="link-button" href="/admin/staff/edit?school={{SCHOOL_CODE}}&amp;staff={{STAFF_ID}}">編輯</a>{{/CAN_EDIT}}</h3>
<ul class="duty-list">
{{#DUTY}}
<li class="duty">{{DUTY}}{{#REMOVABLE}}
<form method="post" action="/admin/duty" class="inline-form" data-confirm="確定移除此職務？">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="school" value="{{SCHOOL_CODE}}"><input type="hidden" name="staff" value="{{STAFF_ID}}"><input type="hidden" name="duty" value="{{DUTY}}"><input type="hidden" name="action" value="remove">
<button type="submit" class="link-button">移除</button>
</form>{{/REMOVABLE}}</li>
{{/DUTY}}
{{#NO_DUTY}}
<li class="duty duty-none">本學年度無職務</li>
{{/NO_DUTY}}
</ul>
{{#CAN_ASSIGN}}
<form method="post" action="/admin/duty" class="inline-form assign-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="school" value="{{SCHOOL_CODE}}"><input type="hidden" name="staff" value="{{STAFF_ID}}"><input type="hidden" name="action" value="assign">
<label class="visually-hidden" for="duty-{{STAFF_ID}}">職務</label>
<select name="duty" id="duty-{{STAFF_ID}}">
{{#OPTION}}<option value="{{DUTY}}">{{DUTY}}</option>{{/OPTION}}
</select>
<button type="submit" class="button button-secondary">配置職務</button>
</form>
{{/CAN_ASSIGN}}
{{#NO_ACCOUNT}}
<p class="account-state">尚未申請個人業務帳號{{#ID_NUMBER_ACCOUNT}}（曾使用身分證作為帳號，須重新申請）{{/ID_NUMBER_ACCOUNT}}</p>
{{/NO_ACCOUNT}}
{{#ACCOUNT}}
<ul class="account-state">
<li>帳號 <span class="login-name">{{LOGIN_NAME}}</span>，{{APPLIED}} 申請</li>
{{#LOCKED}}<li class="state-locked">停用至 {{UNTIL}}</li>{{/LOCKED}}
<li>密碼已使用 {{PASSWORD_DAYS}} 天{{#PASSWORD_EXPIRED}}（已逾 90 天）{{/PASSWORD_EXPIRED}}</li>
<li>{{#TOTP_BOUND}}已綁定雙因子認證{{/TOTP_BOUND}}{{#TOTP_UNBOUND}}尚未綁定雙因子認證{{/TOTP_UNBOUND}}</li>
<li>{{#LAST_LOGIN}}最後登入 {{AT}}{{/LAST_LOGIN}}{{#NEVER_LOGGED_IN}}尚未登入{{/NEVER_LOGGED_IN}}</li>
<li>{{#EMAIL_VERIFIED}}E-Mail 已驗證{{/EMAIL_VERIFIED}}{{#EMAIL_UNVERIFIED}}E-Mail 未驗證{{/EMAIL_UNVERIFIED}}</li>
</ul>
{{#ACCOUNT_ACTIONS}}
<div class="account-actions">
{{#CAN_UNLOCK}}
<form method="post" action="/admin/account" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="school" value="{{SCHOOL_CODE}}"><input type="hidden" name="staff" value="{{STAFF_ID}}"><input type="hidden" name="action" value="unlock">
<button type="submit" class="button button-secondary" id="unlock-{{STAFF_ID}}">解除停用</button>
</form>
{{/CAN_UNLOCK}}
<form method="post" action="/admin/account" class="inline-form" data-confirm="確定重設此帳號的密碼？系統將寄送設定新密碼的連結至其 E-Mail。">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="school" value="{{SCHOOL_CODE}}"><input type="hidden" name="staff" value="{{STAFF_ID}}"><input type="hidden" name="action" value="reset-password">
<button type="submit" class="button button-secondary" id="reset-password-{{STAFF_ID}}">重設密碼</button>
</form>
<form method="post" action="/admin/account" class="inline-form" data-confirm="確定重設此帳號的雙因子認證？下次登入時須重新綁定。">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="school" value="{{SCHOOL_CODE}}"><input type="hidden" name="staff" value="{{STAFF_ID}}"><input type="hidden" name="action" value="reset-2fa">
<button type="submit" class="button button-secondary" id="reset-2fa-{{STAFF_ID}}">重設雙因子認證</button>
</form>
</div>
{{/ACCOUNT_ACTIONS}}
{{/ACCOUNT}}
</article>
{{/STAFF}}
</div>
</section>
