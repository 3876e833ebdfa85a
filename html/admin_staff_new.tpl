{{%AUTOESCAPE context="HTML"}}
{{! admin_staff_new.tpl: the AA adds a staff record (教職員聘約): ID number, name, birth date, phone; the problems of a refused submit above the form. }}
<section class="card flow-card admin-card" aria-labelledby="staff-new-title">
<p class="admin-nav"><a href="/admin/staff?school={{SCHOOL_CODE}}">回教職員列表</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="staff-new-title">新增教職員（{{SCHOOL_NAME}}）</h1>
<p class="field-hint">因應資安政策，須先由學校權限AA帳號持有者建置教職員個人聘約及職務資料後，教職員方能以個人身分證/外籍人士統一證號申請個人業務帳號。</p>
{{#PROBLEM}}
<p class="form-message" role="alert">{{TEXT}}</p>
{{/PROBLEM}}
<form method="post" action="/admin/staff/new" class="form" id="staff-new-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<div class="field">
<label for="national-id" class="required">身分證/外籍人士統一證號</label>
<input id="national-id" name="national_id" type="text" value="{{NATIONAL_ID}}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="10" required>
</div>
<div class="field">
<label for="staff-name" class="required">姓名</label>
<input id="staff-name" name="name" type="text" value="{{NAME}}" maxlength="50" required>
</div>
<div class="field">
<label for="birth-date" class="required">出生年月日</label>
<input id="birth-date" name="birth_date" type="text" value="{{BIRTH_DATE}}" placeholder="西元年-月-日" inputmode="numeric" maxlength="10" required>
<p class="field-hint">日期格式為yyyy-mm-dd。</p>
</div>
<div class="field">
<label for="phone">聯絡電話</label>
<input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="20">
</div>
<button type="submit" class="button button-primary button-block" id="staff-new-submit">新增</button>
</form>
</section>
