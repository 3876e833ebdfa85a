{{%AUTOESCAPE context="HTML"}}
{{! account_rules_hint.tpl: the account-name rules of product.md §3 in one text, included as ACCOUNT_HINT by every page that asks for a name (flows/rule_hints.h); HINT_ID is the id the field's aria-describedby names. }}
<p class="field-hint" id="{{HINT_ID}}">帳號需符合資安法要求之複雜度：長度 6 至 20 個字元，以英文字母開頭，僅能使用英文字母、數字及 . _ -，且須同時包含英文字母及數字；不得為或包含身分證/外籍人士統一證號或出生年月日。英文大小寫視為相同帳號。</p>
