{{%AUTOESCAPE context="HTML"}}
{{! error.tpl: the short page shown when a request cannot continue; the code and request id let the service desk find the log line. }}
<section class="card error-card" aria-labelledby="error-title">
<h1 id="error-title">很抱歉，無法完成您的要求（<span id="error-status">{{STATUS}}</span>）</h1>
<p class="form-message error-message" role="alert">{{MESSAGE}}</p>
<p class="error-help">若問題持續發生，請將以下資訊提供給客服人員，以便協助處理：</p>
<ul class="error-ids">
<li>錯誤代碼：<code id="error-code">{{CODE}}</code></li>
<li>請求編號：<code id="request-id">{{REQUEST_ID}}</code></li>
</ul>
<p><a class="button button-primary" href="/login">返回登入頁面</a></p>
</section>
