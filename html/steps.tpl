{{%AUTOESCAPE context="HTML"}}
{{! steps.tpl: the wizard's step bar (manual 四: 首頁 / 身分驗證 / E-Mail驗證 / 帳號申請 / 申請完成) the manual's ※注意 about lending the account, and 「返回登入頁面」, included by every apply_*.tpl as STEPS. }}
<nav class="wizard-nav" aria-label="申請個人業務帳號步驟">
<a class="steps-home" href="/login"><svg class="home-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20"><path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/></svg>首頁</a>
<ol class="steps" id="wizard-steps">
{{#STEP}}
<li class="{{CLASS}}"{{#CURRENT}} aria-current="step"{{/CURRENT}}>{{LABEL}}{{#DONE}}<span class="visually-hidden">（已完成）</span>{{/DONE}}</li>
{{/STEP}}
</ol>
</nav>
<p class="law-warning" id="lend-warning">※注意！請勿將個人業務帳號借予他人使用或使用他人之個人業務帳號，避免觸法！</p>
<p class="back-to-login"><a href="/login" id="back-to-login"><span aria-hidden="true">←</span> 返回登入頁面</a></p>
