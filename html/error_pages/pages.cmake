# pages.cmake: the static error pages nginx serves itself (html/static/<CODE>.html), written
# from html/error_pages/page.html.in. The build writes them to OUT_DIR (build/error-pages/);
# tests/deploy/error_pages.sh checks that the shipped copies are these, and
# html/error_pages/regenerate rewrites them after an edit here.
#
#   cmake -DOUT_DIR=DIR -P html/error_pages/pages.cmake

function(error_page CODE PURPOSE TITLE LINE1 LINE2)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/page.html.in ${OUT_DIR}/${CODE}.html @ONLY)
endfunction()

error_page(404
  "nginx's answer for an address the site does not have (a mistyped or old link)."
  "找不到這個網頁"
  "您要開啟的網址不存在，可能是網址輸入錯誤，或是連結已經過時。"
  "請確認網址是否正確，或由登入頁面重新進入系統。")
error_page(405
  "nginx's answer when an address is asked with a method it does not take (e.g. a form sent to a page that only shows)."
  "不支援這種操作方式"
  "這個網址不接受您的瀏覽器這次使用的操作方式，您的資料沒有被處理。"
  "請由登入頁面重新進入系統，再依畫面上的按鈕操作。")
error_page(413
  "nginx's answer when a form's body is over the 16 KiB every form is bounded by."
  "送出的資料過大"
  "您送出的資料超過系統可接受的長度，這次送出沒有被處理，也沒有保存任何資料。"
  "請確認各欄位沒有貼上過長的內容後，回到上一頁重新填寫並送出。")
error_page(429
  "nginx's answer when one address submits forms faster than the POST limit allows."
  "操作過於頻繁"
  "您送出資料的速度過快，系統已暫時拒絕這次操作，您填寫的內容尚未送出。"
  "請稍候數秒後，再回到上一頁重新送出。")
error_page(50x
  "nginx's answer when a worker is down, overloaded or too slow (502, 503, 504)."
  "系統暫時無法服務"
  "系統忙碌或維護中，暫時無法處理您的要求，請稍後再試。"
  "若您剛才送出資料，請於稍後重新整理頁面確認結果，再決定是否重新送出。")
