{{%AUTOESCAPE context="HTML"}}
{{! home.tpl: the home page of a fully logged-in person: name, school(s) and duties of the active school year, 修改帳號 / 修改密碼 / 登出. }}
<section class="card home-card" aria-labelledby="home-title">
<h1 id="home-title"><span id="home-name">{{NAME}}</span> 您好</h1>
<dl class="account-summary">
<div><dt>個人業務帳號</dt><dd id="home-account">{{ACCOUNT}}</dd></div>
<div><dt>學年度</dt><dd id="home-year">{{SCHOOL_YEAR}} 學年度</dd></div>
</dl>
<h2>服務學校及職務</h2>
<ul class="school-list" id="home-schools">
{{#SCHOOL}}
<li class="school"><span class="school-name">{{SCHOOL_NAME}}</span> <span class="school-code">（{{SCHOOL_CODE}}）</span>
<ul class="duty-list">
{{#DUTY}}
<li class="duty">{{DUTY}}</li>
{{/DUTY}}
{{#NO_DUTY}}
<li class="duty duty-none">本學年度無職務</li>
{{/NO_DUTY}}
</ul>
</li>
{{/SCHOOL}}
</ul>
<div class="home-actions">
<a class="button button-secondary" id="link-account-change" href="/account/change">修改帳號</a>
<a class="button button-secondary" id="link-password-change" href="/password/change">修改密碼</a>
<form method="post" action="/logout" class="logout-form inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="button button-primary" id="logout-button">登出</button>
</form>
</div>
</section>
