{{%AUTOESCAPE context="HTML"}}
{{! apply_expired.tpl: shown when a wizard page is opened after its session ended (30 minutes idle): what happened and a link to start again. }}
<section class="card wizard-card" aria-labelledby="expired-title">
<h1 id="expired-title">申請作業已逾時</h1>
<p class="form-message" role="alert" id="expired-message">您已閒置超過 30 分鐘，為保護您的個人資料，本次申請個人業務帳號的作業已自動結束，先前輸入的資料均未保留，請重新開始申請。</p>
<p class="expired-actions"><a class="button button-primary" href="/apply/identity" id="restart">重新開始申請</a> <a class="button button-secondary" href="/login">返回登入頁面</a></p>
</section>
