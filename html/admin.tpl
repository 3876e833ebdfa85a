{{%AUTOESCAPE context="HTML"}}
{{! admin.tpl: the AA console's front page: the schools the account may configure this school year, and the helpdesk link for a 諮詢專員. }}
<section class="card admin-card" aria-labelledby="admin-title">
<p class="admin-nav"><a href="/home">首頁</a> ｜ <span class="admin-account">{{ACCOUNT}}</span></p>
<h1 id="admin-title">學校權限管理（{{YEAR}} 學年度）</h1>
<p class="field-hint">新學年度啟用後，學校業務承辦人的個人業務帳號統一由各校學校權限AA帳號、人事個人業務帳號及校長個人業務帳號配置職務及功能權限，設定完畢方能正常登入使用。</p>
<ul class="school-list" id="admin-schools">
{{#SCHOOL}}
<li class="school"><a href="/admin/staff?school={{SCHOOL_CODE}}"><span class="school-name">{{SCHOOL_NAME}}</span> <span class="school-code">（{{SCHOOL_CODE}}）</span></a> <span class="school-roles">{{ROLES}}</span></li>
{{/SCHOOL}}
</ul>
{{#HELPDESK}}
<p><a class="button button-secondary" id="link-helpdesk" href="/helpdesk">諮詢專員：查詢帳號及重設 E-Mail</a></p>
{{/HELPDESK}}
</section>
