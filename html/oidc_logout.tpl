{{%AUTOESCAPE context="HTML"}}
{{! oidc_logout.tpl: RP-initiated logout without a valid id_token_hint: the person confirms with a POST of ours, so no other site can log them out with a link. }}
<section class="card flow-card" aria-labelledby="logout-title">
<h1 id="logout-title">登出</h1>
<p id="logout-question">確定要登出學籍系統嗎？登出後，所有透過本帳號登入的應用系統都須重新登入。</p>
<form method="post" action="/logout" class="logout-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="button button-primary" id="logout-button">登出</button>
</form>
</section>
