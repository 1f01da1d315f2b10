// The form patterns of page chrome ("site junk"), in one table.
//
// Line patterns are tested against a line's normalised key (see `lineKey`): NFKC (so full-width
// ":" "(" become ":" "("), zero-width characters removed, white space collapsed, lower case.
// Simplified and traditional spellings are both listed.
// `cut: true` marks a pattern after which, near the end of a document, everything is chrome
// (a "related articles" list, "next article" links, "preview has ended").

export interface LinePattern {
  name: string;
  re: RegExp;
  cut?: boolean;
}

export const LINE_PATTERNS: readonly LinePattern[] = [
  // download prompts and paywalls
  { name: 'download', re: /(?:下载|下載).{0,40}(?:文档|文檔|本文|全文|本站|客服|付费|付費|收益|放心|word|doc)|(?:点击|點擊|立即|免费|免費)(?:下载|下載)|^(?:下载|下載)(?:文档|文檔)?$/ },
  { name: 'preview-ended', re: /(?:预览|預覽|阅读|閱讀|试读|試讀)(?:已)?(?:结束|結束)/, cut: true },
  { name: 'contact', re: /(?:联系|聯繫|联络|聯絡)(?:老师|老師|客服|我们|我們)|(?:请|請)(?:点击|點擊)/ },
  { name: 'prev-next', re: /^[-*•·>]?\s*(?:上一篇|下一篇|上一页|下一页|上一頁|下一頁|上篇|下篇)\s*[:：]/, cut: true },
  { name: 'related', re: /^(?:相关范文推荐|相關範文推薦|相关推荐|相關推薦|相关文章|相關文章|相关阅读|相關閱讀|你可能关注的文档|你可能關注的文檔|你可能感兴趣|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|热门文章|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|更多相关|更多相關)/, cut: true },
  // page metadata
  { name: 'date-line', re: /^(?:时间|時間|发布时间|發布時間|发布日期|發布日期|日期|更新时间|更新時間)\s*:\s*\d{4}[-/.年]\d{1,2}/ },
  { name: 'byline', re: /^(?:作者|来源|來源|浏览|瀏覽|阅读量|閱讀量|浏览次数|瀏覽次數|编辑|編輯|责任编辑|責任編輯|上传者|上傳者|贡献者|貢獻者)\s*:.{0,40}$/ },
  { name: 'doc-info', re: /^(?:id|大小|页数|頁數|格式|文档格式|文檔格式|上传时间|上傳時間|下载次数|下載次數|字数|字數)\s*:\s*\S.{0,30}$/ },
  { name: 'blurb', re: /^(?:简介|簡介|导语|導語|摘要|提示)\s*:.*(?:小编|小編|整理|本站|网友|網友|来源|來源|参考|參考|欢迎|歡迎)/ },
  { name: 'compiled-for-you', re: /(?:小编|小編)(?:为|為)?(?:你|您|大家)?(?:整理|精心|收集)|(?:为|為)(?:您|你)整理了|(?:文库|文庫).{0,6}(?:为|為)(?:您|你)/ },
  { name: 'upload-notice', re: /(?:本文档|本文檔|本文)(?:由|系)(?:用户|用戶|网友|網友)|(?:用户|用戶|网友|網友)上(?:传|傳)|不代表本站|版(?:权|權)(?:归|歸)(?:属|屬)?|(?:转载|轉載)(?:请|請)(?:注明|註明)|^本文(?:来源|來源|来自|來自|出自)/ },
  { name: 'notice-heading', re: /^(?:温馨提示|溫馨提示|免责声明|免責聲明)\s*:?$/ },
  { name: 'customer-service', re: /^(?:网站客服|網站客服|在线客服|在線客服|客服|客服电话|客服電話|客服qq)\s*:/ },
  { name: 'ui-words', re: /^(?:(?:分享|收藏|收起|展开|展開|打印|举报|舉報|返回顶部|返回頂部|返回首页|返回首頁|评论|評論|点赞|點讚|复制链接|複製鏈接|关闭|關閉|分享赚钱|分享賺錢|下载文档|下載文檔|微信|微博|qq空间|朋友圈)\s*)+$/ },
  { name: 'file-name', re: /^\S.{0,80}\.(?:docx?|pdf|pptx?|xlsx?|wps|txt)$/ },
  { name: 'nav-bar', re: /^[^|。,，;；]{1,20}(?:\s*\|\s*[^|。,，;；]{1,20})+$/ },
  // Wikisource licence footer
  { name: 'licence', re: /^本作品(?:是|来自|來自|在|属于|屬於|采用|採用)|^本模板|维基文库|維基文庫|wikisource|知识共享|知識共享|creative commons|^(?:public domain|false|true)$/ },
];

/** Inline watermarks: only these characters are chrome, not the line around them. */
export const INLINE_PATTERNS: readonly { name: string; re: RegExp }[] = [
  // "( wWw.850500.cOm 转载请注明 )"
  { name: 'url-watermark', re: /[(（【[]\s{0,4}(?:https?:\/\/)?(?:www|wap|m)\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}[^()（）【】[\]\n]{0,30}[)）】\]]/gi },
  { name: 'reprint-notice', re: /[(（【[][^()（）【】[\]\n]{0,30}(?:转载请注明|轉載請註明|版权所有|版權所有)[^()（）【】[\]\n]{0,30}[)）】\]]/g },
];

/** A "tags" line of short words separated by spaces, as under a document's title on template sites. */
export const TAG_LINE = /^(?:[^\s\p{P}]{1,8} ){2,}[^\s\p{P}]{1,8}$/u;

/** The normalised key of a line, used for patterns and for the learned model. */
export function lineKey(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function matchLinePattern(key: string): LinePattern | null {
  for (const p of LINE_PATTERNS) if (p.re.test(key)) return p;
  return null;
}
