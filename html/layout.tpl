{{%AUTOESCAPE context="HTML"}}
{{! layout.tpl: the shell of every page: test-mode banner, site header, the page body (CONTENT, an include whose filename the C++ sets), service footer. No inline script or style: the CSP forbids them. }}
<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}｜國民中小學學籍管理系統 2.0</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/xueji.css">
<script src="/static/xueji.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">跳到主要內容</a>
{{#TEST_MODE}}
<div class="test-banner" role="alert" id="test-mode-banner">測試模式：此站台僅供測試，驗證碼固定為 <strong class="test-captcha">{{CAPTCHA_FIXED}}</strong></div>
{{/TEST_MODE}}
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">國民中小學學籍管理系統 2.0</a>
</div>
</header>
<main id="main" class="wrap page" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap">
<dl class="service-info">
<div><dt>建置維護</dt><dd>國立清華大學 國教署臺辦專案辦公室</dd></div>
<div><dt>瀏覽器</dt><dd>建議優先使用 Google Chrome 瀏覽器並更新至最新版本</dd></div>
<div><dt>小提醒</dt><dd>使用者服務時，請先告知您的服務單位及職稱，並請遵守溝通禮儀，俾利提供服務及協助</dd></div>
<div><dt>服務時間</dt><dd><a href="tel:+88635622056">03-5622056</a> (代表號)<br>週一至週五 上午08:30-12:00，下午13:00-17:30<br>(例假日及確定假日除外)<br>配合勞基法規定 中午12:00-13:00未開放客服 敬請見諒</dd></div>
</dl>
<p class="copyright"><span>© 2015-2026 教育部國民及學前教育署 All Rights Reserved.</span>
{{#COUNTERS}}
<span class="login-counts">今日登入人次: <span id="today-count" class="count">{{TODAY_COUNT}}</span> 人, 累計登入人次: <span id="total-count" class="count">{{TOTAL_COUNT}}</span> 人</span>
{{/COUNTERS}}
</p>
</div>
</footer>
</body>
</html>
