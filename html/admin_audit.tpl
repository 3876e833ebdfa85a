{{%AUTOESCAPE context="HTML"}}
{{! admin_audit.tpl: the school's audit log for its AA, newest first (at most 200 rows), filtered by person and action. }}
<section class="card admin-card" aria-labelledby="audit-title">
<p class="admin-nav"><a href="/admin/staff?school={{SCHOOL_CODE}}">回教職員列表</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="audit-title">稽核紀錄（{{SCHOOL_NAME}}）</h1>
<form method="get" action="/admin/audit" class="form audit-filter" id="audit-filter">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<div class="field">
<label for="audit-person">人員（帳號、姓名或證號遮罩）</label>
<input id="audit-person" name="person" type="text" value="{{PERSON}}" maxlength="64">
</div>
<div class="field">
<label for="audit-action">動作</label>
<select id="audit-action" name="action">
{{#FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FILTER}}
</select>
</div>
<button type="submit" class="button button-secondary">篩選</button>
</form>
{{#EMPTY}}<p id="audit-empty">沒有符合的紀錄。</p>{{/EMPTY}}
<ol class="audit-list" id="audit-list">
{{#ROW}}
<li class="audit-row" data-action="{{ACTION}}"><span class="audit-at">{{AT}}</span> <span class="audit-actor">{{ACTOR}}</span> <span class="audit-action">{{LABEL}}（{{ACTION}}）</span> <span class="audit-target">{{TARGET}}</span> <span class="audit-addr">{{ADDR}}</span></li>
{{/ROW}}
</ol>
</section>
