{{%AUTOESCAPE context="HTML"}}
{{! admin_staff_edit.tpl: the AA edits a staff record's name and phone (ID number and birth date shown, not editable), or removes it from the school's active year (a sensitive action: a fresh second factor first). }}
<section class="card flow-card admin-card" aria-labelledby="staff-edit-title">
<p class="admin-nav"><a href="/admin/staff?school={{SCHOOL_CODE}}">回教職員列表</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="staff-edit-title">編輯教職員（{{SCHOOL_NAME}}）</h1>
{{#PROBLEM}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/PROBLEM}}
<dl class="account-summary">
<div><dt>身分證/外籍人士統一證號</dt><dd id="staff-id-masked">{{ID_MASKED}}</dd></div>
<div><dt>出生年月日</dt><dd>{{BIRTH_DATE}}</dd></div>
</dl>
<form method="post" action="/admin/staff/edit" class="form" id="staff-edit-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<input type="hidden" name="staff" value="{{STAFF_ID}}">
<div class="field">
<label for="staff-name" class="required">姓名</label>
<input id="staff-name" name="name" type="text" value="{{NAME}}" maxlength="50" required>
</div>
<div class="field">
<label for="phone">聯絡電話</label>
<input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="20">
</div>
<button type="submit" class="button button-primary button-block" id="staff-edit-submit">儲存</button>
</form>
<form method="post" action="/admin/staff/edit" class="form" id="staff-remove-form" data-confirm="確定將此教職員自本校本學年度移除？其本學年度的職務將一併移除。">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<input type="hidden" name="staff" value="{{STAFF_ID}}">
<input type="hidden" name="remove" value="1">
<p class="field-hint">移除為敏感操作，須先輸入驗證器 App 的驗證碼（10 分鐘內有效）。</p>
<button type="submit" class="button button-secondary button-block" id="staff-remove-submit">自本校 {{YEAR}} 學年度移除</button>
</form>
</section>
