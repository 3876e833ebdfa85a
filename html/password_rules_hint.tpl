{{%AUTOESCAPE context="HTML"}}
{{! password_rules_hint.tpl: the password rules of product.md §3 in one text, included as PASSWORD_HINT by every page that sets a password (flows/rule_hints.h); HINT_ID is the id the field's aria-describedby names; REUSE shows where an earlier password exists. }}
<p class="field-hint" id="{{HINT_ID}}">密碼需符合資安法要求之複雜度：長度 12 至 64 個字元，不得有空白，須包含大寫英文字母、小寫英文字母、數字及符號四種中的至少三種；不得包含帳號、身分證/外籍人士統一證號或出生年月日，也不可使用常見密碼{{#REUSE}}，且不得與最近 3 次使用過的密碼相同{{/REUSE}}。</p>
