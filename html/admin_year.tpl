{{%AUTOESCAPE context="HTML"}}
{{! admin_year.tpl: the new school year from the previous year's duties: a preview of the duties that carry over (staff still on the school, not yet holding them), then apply; administrative duties only within the approved staffing. }}
<section class="card flow-card admin-card" aria-labelledby="year-title">
<p class="admin-nav"><a href="/admin/staff?school={{SCHOOL_CODE}}">回教職員列表</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="year-title">沿用 {{FROM_YEAR}} 學年度職務至 {{YEAR}} 學年度（{{SCHOOL_NAME}}）</h1>
<p class="field-hint">配合資安政策，系統帳號應定期審核，故啟用新學年度後，須先由學校權限AA帳號重新確認行政職務配置及權限設定，學校業務承辦人方能使用個人業務帳號登入系統。</p>
<p id="carry-count">可沿用的職務共 {{CARRY_COUNT}} 項：</p>
<ul class="carry-list" id="carry-list">
{{#CARRY}}
<li class="carry"><span class="staff-name">{{NAME}}</span> <span class="staff-id">{{ID_MASKED}}</span> <span class="duty">{{DUTY}}</span></li>
{{/CARRY}}
</ul>
{{#CAN_APPLY}}
<form method="post" action="/admin/import" class="form" id="year-form" data-confirm="確定沿用上學年度職務？">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<input type="hidden" name="action" value="year">
<input type="hidden" name="confirm" value="1">
<button type="submit" class="button button-primary button-block" id="year-apply">確認沿用</button>
</form>
{{/CAN_APPLY}}
</section>
