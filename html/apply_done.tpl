{{%AUTOESCAPE context="HTML"}}
{{! apply_done.tpl: wizard step 4, 申請完成 (manual 四 ㉑–㉓): the manual's sentence, 返回登入頁面, where the success mail went, and both ★小提醒. }}
<section class="card wizard-card" aria-labelledby="wizard-title">
{{>STEPS}}
<h1 id="wizard-title">申請個人業務帳號：申請完成</h1>
<p class="notice done-message" role="status" id="done-message">已申請完成，請前往登入頁面使用個人業務帳號及密碼登入。</p>
<p id="success-mail">系統已寄送「個人業務帳號申請成功」通知信至 <strong>{{EMAIL}}</strong>，信中記載帳號申請時間。</p>
<p><a class="button button-primary" href="/login" id="done-login">返回登入頁面</a></p>
</section>
<section class="card reminders" aria-labelledby="reminders-title">
<h2 id="reminders-title"><span aria-hidden="true">★</span>小提醒</h2>
<ol>
<li>配合資安政策，本系統採用雙因子認證登入機制。建議您登入系統前，請參閱登入頁面公告參考「本系統於 110 年 11 月 10 日啟用雙因子認證登入機制，相關設定方式請參考<a href="/static/manual/#twofa">操作手冊</a>」文字，並下載手冊操作。</li>
<li>若於一般收件匣未收到驗證信，請查詢驗證信是否歸類在【垃圾郵件】內。</li>
</ol>
</section>
