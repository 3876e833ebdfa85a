{{%AUTOESCAPE context="HTML"}}
{{! app.tpl: the demo application /app/ behind nginx's auth_request: who came in (from the X-Xueji-* headers), their schools and duties, and a 學籍系統 function menu. }}
<section class="card home-card" aria-labelledby="app-title">
<h1 id="app-title">學籍系統（示範應用）</h1>
<p><span id="app-name">{{NAME}}</span> 您好（帳號 <span id="app-account">{{ACCOUNT}}</span>）</p>
<h2>服務學校及職務</h2>
<ul class="school-list" id="app-schools">
{{#SCHOOL}}
<li class="school"><span class="school-code">{{SCHOOL_CODE}}</span>
<ul class="duty-list">
{{#DUTY}}
<li class="duty">{{DUTY}}</li>
{{/DUTY}}
</ul>
</li>
{{/SCHOOL}}
</ul>
<h2>功能選單</h2>
<ul class="function-menu" id="app-menu">
<li>學生基本資料</li>
<li>編班與轉學</li>
<li>成績登錄</li>
<li>出缺勤紀錄</li>
</ul>
<p class="app-sub">識別碼（sub）：<code id="app-sub">{{SUB}}</code></p>
<p><a class="button button-primary" id="app-logout" href="/oidc/logout">登出</a></p>
</section>
