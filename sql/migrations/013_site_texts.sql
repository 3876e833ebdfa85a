-- 013_site_texts (issue 21): texts of the site that change each term, edited without a release.
-- 'announcement' is the login page's 系統公告: plain text, one paragraph per line, shown
-- escaped (the words 操作手冊 become links to it); `xueji-ctl announcement set FILE` replaces it.
-- The default is the manual's announcement; a later migration never overwrites an edited text.
CREATE TABLE IF NOT EXISTS site_texts (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  body TEXT NOT NULL,
  updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT IGNORE INTO site_texts (name, body, updated_at) VALUES ('announcement', CONCAT(
  '各位師長好：\n',
  '系統已完成本學年度啟用，配合行政職務更迭，請使用學校權限AA帳號進行個人業務帳號設定(請參考操作手冊)，若學校權限AA帳號無法設定，請逕洽縣市員額編制承辦人先完成員額行政職務之核定。學校權限AA帳號設定完畢後，如何取得個人業務帳號請參考操作手冊。\n',
  '本系統資安等級由B級調升為A級，配合ISMS資安服務導入，為加強系統安全防護，系統修改帳號規則複雜度與密碼使用期限，以符合教育部資安法最新政策，造成不便，敬請見諒。本系統於110年11月10日啟用雙因子認證登入機制，相關設定方式請參考操作手冊；若欲操作學校權限AA帳號的綁定請參考操作手冊，若欲操作個人業務帳號的綁定請參考操作手冊。\n',
  '電話溝通前，請先下載操作手冊；若您忘記密碼請使用【忘記密碼】功能，亦可參考操作手冊(若看不到這功能請將瀏覽器的縮放調整至100%、若看不到驗證圖片請改用Chrome瀏覽器)。另提醒您勿使用瀏覽器自動儲存帳號密碼功能，請直接登入帳號及密碼。'),
  UTC_TIMESTAMP(6));
