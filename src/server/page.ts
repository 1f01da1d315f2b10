// The one page at `/`: a text box, a file picker and a Check button. The report under them is the
// server-rendered markup of the HTML report (POST /api/report), so the page and the standalone
// report are one renderer. Scripts are served from /app.js and /report.js; the page's
// Content-Security-Policy allows no inline script, so markup can never run code.

import { PALETTE as P } from '../report/palette.js';
import { CHECK_CSS } from '../report/html-styles.js';
import { escapeHtml } from '../report/escape.js';
import { pageHead } from '../report/html-head.js';
import { UPLOAD_EXTENSIONS } from './input.js';

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; " +
  "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const PAGE_CSS = `
.top{display:flex;align-items:baseline;gap:12px;margin-bottom:12px}
.top h1{font-size:20px}
.input{display:grid;gap:10px}
.input textarea{width:100%;min-height:180px;resize:vertical;padding:10px 12px;border:1px solid ${P.rule};border-radius:6px;font:inherit;font-size:15px;line-height:1.7;background:${P.paper};color:inherit}
.input textarea:focus,.input button:focus-visible,.input input:focus-visible{outline:2px solid ${P.accent};outline-offset:1px}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:10px 14px}
.row label{font-size:13px;color:${P.muted}}
button{font:inherit;font-size:14px;padding:6px 14px;border-radius:6px;border:1px solid ${P.rule};background:${P.page};color:inherit;cursor:pointer}
button.primary{background:${P.accent};border-color:${P.accent};color:#fff;font-weight:600;padding:6px 22px}
button:disabled{opacity:.6;cursor:progress}
#status{font-size:13px;color:${P.muted}}
#status.error{color:${P.stock};font-weight:600}
.input textarea.allow{min-height:80px}
.options>summary{cursor:pointer}
.options input[type=number]{width:6em;font:inherit}
#report:empty{display:none}
#report>.wrap{padding-top:0}
`;

export function renderPage(docs: number, units: number): string {
  const accept = UPLOAD_EXTENSIONS.join(',');
  return [
    ...pageHead('taohua · 套话检查 stock phrasing check', `${CHECK_CSS}${PAGE_CSS}`),
    '<div class="wrap">',
    '<div class="top"><h1>taohua 套话检查</h1>',
    `<span class="muted" id="corpus">语料 corpus: ${docs} 篇 documents · ${units} 句 units</span></div>`,
    '<form id="check-form" class="card input" novalidate>',
    '<label for="draft-text" class="muted">粘贴草稿 Paste a draft, or choose a file (the file wins when both are given)</label>',
    '<textarea id="draft-text" name="text" spellcheck="false" placeholder="在此粘贴文本… Paste the text here…"></textarea>',
    '<div class="row">',
    `<label>文件 File <input id="draft-file" type="file" name="file" accept="${escapeHtml(accept)}"></label>`,
    '</div>',
    '<details class="options" id="options"><summary class="muted">选项 Options: leave text out of the ratio</summary><div class="row">',
    '<label><input type="checkbox" id="no-quotes" name="noQuotes"> 不计引用 quotations</label>',
    '<label><input type="checkbox" id="no-headings" name="noHeadings"> 不计标题 headings</label>',
    '<label>最短匹配 min. match <input type="number" id="min-match" name="minMatch" min="0" max="10000" step="1" inputmode="numeric" placeholder="0"> 字 chars</label>',
    '</div>',
    '<label for="allow-text" class="muted">允许复用的文本 Text that may be reused (a template, earlier reports); paste it or read a .txt file</label>',
    '<textarea id="allow-text" name="allow" spellcheck="false" class="allow"></textarea>',
    '<div class="row"><label>文件 File <input id="allow-file" type="file" accept=".txt,.md"></label></div>',
    '</details>',
    '<div class="row">',
    '<button type="button" id="clear">清除 Clear</button>',
    '<button type="submit" id="check" class="primary">检查 Check</button>',
    '<span id="status" role="status" aria-live="polite">Ctrl+Enter</span>',
    '</div>',
    '</form>',
    '</div>',
    '<div id="report" aria-live="polite"></div>',
    '<script src="/report.js"></script>',
    '<script src="/app.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page's script. It sends the text (JSON) or the file (multipart) to /api/report and puts the
 * returned markup — escaped by the report renderer on the server — under the form. Messages and
 * file names are set with textContent only.
 */
export const APP_SCRIPT = `(function(){'use strict';
var form=document.getElementById('check-form'),text=document.getElementById('draft-text'),file=document.getElementById('draft-file'),
button=document.getElementById('check'),clear=document.getElementById('clear'),status=document.getElementById('status'),report=document.getElementById('report');
function state(s,msg,isError){document.body.setAttribute('data-state',s);status.textContent=msg;status.className=isError?'error':''}
clear.addEventListener('click',function(){text.value='';file.value='';report.textContent='';state('idle','',false);text.focus()});
text.addEventListener('keydown',function(e){if(e.key==='Enter'&&(e.ctrlKey||e.metaKey)){e.preventDefault();form.requestSubmit()}});
form.addEventListener('submit',function(e){e.preventDefault();run()});
var noQuotes=document.getElementById('no-quotes'),noHeadings=document.getElementById('no-headings'),minMatch=document.getElementById('min-match'),
allowText=document.getElementById('allow-text'),allowFile=document.getElementById('allow-file');
allowFile.addEventListener('change',async function(){var f=allowFile.files&&allowFile.files[0];if(f)allowText.value=await f.text()});
function fields(){var o={noQuotes:noQuotes.checked,noHeadings:noHeadings.checked};if(minMatch.value!=='')o.minMatch=Number(minMatch.value);
if(allowText.value.trim()!=='')o.allow=allowText.value;return o}
function request(){var f=file.files&&file.files[0],o=fields();
if(f){var data=new FormData();Object.keys(o).forEach(function(k){data.append(k,String(o[k]))});data.append('file',f,f.name);return{body:data,label:f.name}}
if(text.value.trim()==='')return null;o.text=text.value;
return{body:JSON.stringify(o),headers:{'content-type':'application/json'},label:'草稿 draft'}}
async function run(){var r=request();
if(!r){state('error','请粘贴文本或选择文件 Paste some text or choose a file.',true);return}
button.disabled=true;state('busy','检查中 Checking '+r.label+'…',false);var t0=performance.now();
try{var res=await fetch('/api/report',{method:'POST',body:r.body,headers:r.headers||{}});
if(res.ok){report.innerHTML=await res.text();state('done','完成 Done in '+Math.round(performance.now()-t0)+' ms: '+r.label,false)}
else{var msg='HTTP '+res.status;try{var j=await res.json();if(j&&j.error)msg=j.error.message+' ('+j.error.code+')'}catch(_){}
state('error',msg,true)}}
catch(err){state('error','请求失败 Request failed: '+(err&&err.message||err),true)}
finally{button.disabled=false}}
state('idle','Ctrl+Enter',false)})();`;
