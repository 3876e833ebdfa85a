{{%AUTOESCAPE context="HTML"}}
{{! no_duty.tpl: a logged-in person with no duty in the active school year (product.md §1): the manual's sentence, and 登出. }}
<section class="card flow-card" aria-labelledby="no-duty-title">
<h1 id="no-duty-title">無可使用之功能</h1>
<p class="form-message" id="no-duty-message" role="alert">貴校教務/人事尚未配置您的權限，故無功能可使用，請洽貴校承辦人修正。</p>
<p>帳號：<strong id="no-duty-account">{{ACCOUNT}}</strong>（{{SCHOOL_YEAR}} 學年度）</p>
<form method="post" action="/logout" class="logout-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="button button-primary" id="logout-button">登出</button>
</form>
</section>
