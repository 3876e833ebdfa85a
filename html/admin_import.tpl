{{%AUTOESCAPE context="HTML"}}
{{! admin_import.tpl: the AA's CSV import of staff: the text (national_id,name,birth_date,phone), a preview naming every refused line, and the all-or-nothing apply once no line is refused. }}
<section class="card flow-card admin-card" aria-labelledby="import-title">
<p class="admin-nav"><a href="/admin/staff?school={{SCHOOL_CODE}}">回教職員列表</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="import-title">匯入教職員（{{SCHOOL_NAME}}）</h1>
<p class="field-hint">第一行為標題列 national_id,name,birth_date,phone，之後每行一人，例如：A123456789,王小明,1985-03-14,0912-345-678（電話可留空）。先預覽，只要有一行錯誤就完全不匯入。</p>
{{#REFUSED}}
<p class="form-message" role="alert" id="import-refused">共 {{BAD}} 行錯誤，未匯入任何資料；請修正後重新預覽整個檔案。</p>
{{/REFUSED}}
<ul class="import-errors" id="import-errors">
{{#LINE_ERROR}}
<li class="field-error">{{TEXT}}</li>
{{/LINE_ERROR}}
</ul>
{{#READY}}
<div class="notice" role="status" id="import-ready">
<p>檢查完成：共 {{GOOD}} 位教職員，沒有錯誤。確認後一次匯入全部資料。</p>
<form method="post" action="/admin/import" class="inline-form" id="import-confirm-form" data-busy="匯入中，請稍候">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<input type="hidden" name="confirm" value="1">
{{! a textarea, not an input: an input's value loses its line breaks }}
<textarea name="csv" hidden>{{CSV:pre_escape}}</textarea>
<button type="submit" class="button button-primary" id="import-confirm">確認匯入</button>
<p class="field-hint" data-busy-status role="status" hidden></p>
</form>
</div>
{{/READY}}
<form method="post" action="/admin/import" class="form" id="import-form" data-busy="檢查中，請稍候">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="school" value="{{SCHOOL_CODE}}">
<div class="field">
<label for="csv" class="required">CSV 內容</label>
<textarea id="csv" name="csv" rows="12" spellcheck="false" required>{{CSV:pre_escape}}</textarea>
</div>
<button type="submit" class="button button-secondary button-block" id="import-preview">預覽</button>
<p class="field-hint" data-busy-status role="status" hidden></p>
</form>
</section>
