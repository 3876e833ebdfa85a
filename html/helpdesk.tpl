{{%AUTOESCAPE context="HTML"}}
{{! helpdesk.tpl: the 諮詢專員's page: find an account across schools by account name, or by ID number and birth date; the account found (masked ID, schools, e-mail, lock) and its e-mail reset, with a typed reason for the audit log (a fresh second factor first). }}
<section class="card flow-card admin-card" aria-labelledby="helpdesk-title">
<p class="admin-nav"><a href="/admin">學校權限管理</a> ｜ <a href="/home">首頁</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="helpdesk-title">諮詢專員：查詢帳號及重設 E-Mail</h1>
{{#FLASH}}
<p class="notice" role="status" id="admin-flash">{{TEXT}}</p>
{{/FLASH}}
<form method="post" action="/helpdesk" class="form" id="helpdesk-search">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="search-account">個人業務帳號</label>
<input id="search-account" name="account" type="text" value="{{SEARCH_ACCOUNT}}" autocapitalize="none" spellcheck="false" maxlength="64">
</div>
<p class="field-hint">或以身分證/外籍人士統一證號及出生年月日查詢：</p>
<div class="field">
<label for="search-id">身分證/外籍人士統一證號</label>
<input id="search-id" name="national_id" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="10">
</div>
<div class="field">
<label for="search-birth">出生年月日</label>
<input id="search-birth" name="birth_date" type="text" value="{{SEARCH_BIRTH_DATE}}" placeholder="西元年-月-日" maxlength="10">
</div>
{{#SEARCH_ERROR}}
<p class="form-message" role="alert" id="search-error">{{TEXT}}</p>
{{/SEARCH_ERROR}}
<button type="submit" class="button button-secondary button-block" id="helpdesk-search-submit">查詢</button>
</form>
{{#NOT_FOUND}}
<p class="form-message" role="status" id="helpdesk-not-found">查無符合的個人業務帳號。</p>
{{/NOT_FOUND}}
{{#FOUND}}
<h2>查詢結果</h2>
<dl class="account-summary" id="helpdesk-found">
<div><dt>個人業務帳號</dt><dd id="found-account">{{LOGIN_NAME}}</dd></div>
<div><dt>姓名</dt><dd>{{DISPLAY_NAME}}</dd></div>
<div><dt>身分證/外籍人士統一證號</dt><dd>{{ID_MASKED}}</dd></div>
<div><dt>E-Mail</dt><dd id="found-email">{{EMAIL}}{{#VERIFIED}}（已驗證）{{/VERIFIED}}{{#UNVERIFIED}}（未驗證）{{/UNVERIFIED}}</dd></div>
{{#LOCKED}}<div><dt>停用</dt><dd>停用至 {{UNTIL}}</dd></div>{{/LOCKED}}
</dl>
<ul class="school-list">
{{#SCHOOL}}
<li class="school"><span class="school-name">{{SCHOOL_NAME}}</span> <span class="school-code">（{{SCHOOL_CODE}}）</span> {{DUTIES}}</li>
{{/SCHOOL}}
</ul>
<form method="post" action="/helpdesk/email" class="form" id="helpdesk-email-form" data-confirm="確定重設此帳號的 E-Mail？">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="account" value="{{LOGIN_NAME}}">
<div class="field">
<label for="new-email" class="required">新 E-Mail</label>
<input id="new-email" name="email" type="email" value="{{NEW_EMAIL}}" autocapitalize="none" spellcheck="false" maxlength="254" required>
</div>
<div class="field">
<label for="reason" class="required">重設原因（記錄於稽核紀錄）</label>
<input id="reason" name="reason" type="text" value="{{REASON}}" maxlength="100" required>
</div>
{{#EMAIL_ERROR}}
<p class="form-message" role="alert" id="email-error">{{TEXT}}</p>
{{/EMAIL_ERROR}}
<p class="field-hint">新 E-Mail 須由帳號持有者開啟寄至該信箱的連結並設定新密碼後才生效。重設 E-Mail 為敏感操作，須先輸入驗證器 App 的驗證碼（10 分鐘內有效）。</p>
<button type="submit" class="button button-primary button-block" id="helpdesk-email-submit">重設 E-Mail</button>
</form>
{{/FOUND}}
</section>
