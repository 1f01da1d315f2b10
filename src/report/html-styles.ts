// The inline stylesheet of the check and compare reports.

import { PALETTE as P } from './palette.js';

export const BASE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:${P.page};color:${P.ink};font:15px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
h1{font-size:18px;margin:0 0 2px;font-weight:600;word-break:break-all}
h2{font-size:15px;margin:0 0 10px;font-weight:600}
.muted{color:${P.muted};font-size:13px}
.card{background:${P.paper};border:1px solid ${P.rule};border-radius:8px;padding:16px 20px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid ${P.rule};vertical-align:top}
th{font-weight:600;color:${P.muted}}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ins{background:#d7f5dd;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}
del{background:#ffd8d3;text-decoration:line-through}
`;

export const CHECK_CSS = `${BASE_CSS}
.wrap{max-width:1360px;margin:0 auto;padding:20px}
.summary{display:grid;grid-template-columns:auto auto 1fr;gap:28px;align-items:center;margin-bottom:16px}
.ratio{font-size:56px;font-weight:700;line-height:1;color:${P.stock};font-variant-numeric:tabular-nums}
.ratio-caption{margin-top:6px}
.counts td:first-child{white-space:nowrap}
.swatch{vertical-align:-2px;margin-right:6px}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0 0 12px;padding:0;list-style:none;font-size:13px}
.layout{display:grid;grid-template-columns:minmax(0,1.5fr) minmax(0,1fr);gap:16px;align-items:start}
.draft{white-space:pre-wrap;word-break:break-word;font-size:16px;line-height:2}
.s{border-radius:3px}
.s-edited{outline:1.5px dashed ${P.edited};outline-offset:1px;background:${P.editedBg};-webkit-box-decoration-break:clone;box-decoration-break:clone}
.s-chrome,.k-chrome{color:${P.chrome};text-decoration:line-through}
.heading{font-weight:700}
.k-stock{background:${P.stockBg};text-decoration:underline solid ${P.stock} 2px;text-underline-offset:4px}
.s[data-m]{cursor:pointer}
.s:target,.s.hit{box-shadow:0 0 0 2px ${P.accent}}
.ref{font-size:10px;vertical-align:super;line-height:0;color:${P.accent};text-decoration:none;margin:0 1px;font-variant-numeric:tabular-nums}
.side{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}
.match{border-top:1px solid ${P.rule};padding:6px 0}
.match>summary{cursor:pointer;font-size:13px;list-style-position:outside}
.match[open]>summary{font-weight:600}
.match:target,.match.hit{background:#eef6ff}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;border:1px solid currentColor;margin-right:4px}
.tag-stock{color:${P.stock}}
.tag-edited{color:${P.edited};border-style:dashed}
.diff{margin:6px 0 4px;font-size:14px;line-height:1.8}
.diff dt{font-size:12px;color:${P.muted}}
.diff dd{margin:0 0 6px;padding:4px 8px;background:${P.page};border-radius:4px;white-space:pre-wrap;word-break:break-word}
.others{font-size:12px;color:${P.muted};margin:0;padding-left:18px}
.k-stock[data-mark]::before{content:attr(data-mark);font-size:9px;font-weight:700;vertical-align:super;line-height:0;margin-right:1px;color:${P.stock};font-family:ui-monospace,monospace}
.t-figures{text-decoration-style:double}
.t-reworded{text-decoration-style:wavy}
.r-formula{background:${P.chromeBg};outline:1px dotted ${P.muted};outline-offset:-1px}
.left-out{background:none;text-decoration:line-through dotted ${P.muted} 1px;color:${P.muted}}
.left-out[data-mark]::before{color:${P.muted}}
.tm{font-family:ui-monospace,monospace;font-size:11px;font-weight:700;border:1px solid currentColor;border-radius:3px;padding:0 3px;margin-right:3px}
.panel{margin-bottom:16px}
.panel-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px 28px;align-items:start}
.figures td.num{font-size:18px;font-weight:700;color:${P.stock}}
.source-view{border-top:1px solid ${P.rule};padding:6px 0}
.source-view>summary{cursor:pointer;font-size:13px}
.source-view:target{background:#eef6ff}
.pairs td.pair-text{width:45%;white-space:pre-wrap;word-break:break-word;font-size:14px;line-height:1.8}
.sources{margin-top:16px}
.bar{display:inline-block;height:8px;background:${P.stock};border-radius:2px;vertical-align:middle}
.doc-name{word-break:break-all}
@media (max-width:900px){.layout,.summary{grid-template-columns:1fr}.side{position:static;max-height:none}}
@media print{.side{position:static;max-height:none}body{background:#fff}}
`;

export const COMPARE_CSS = `${BASE_CSS}
.wrap{max-width:1500px;margin:0 auto;padding:20px}
.summary{display:flex;gap:32px;align-items:center;margin-bottom:16px;flex-wrap:wrap}
.ratio{font-size:48px;font-weight:700;line-height:1;color:${P.stock};font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.col{display:flex;flex-direction:column;min-width:0}
.doc{white-space:pre-wrap;word-break:break-word;line-height:1.9;height:75vh;overflow:auto;font-size:15px}
.p{color:inherit;text-decoration:underline solid ${P.stock} 2px;text-underline-offset:4px;background:${P.stockBg}}
.p.alt{background:#ffd0b8}
.p:target,.p.hit{box-shadow:0 0 0 2px ${P.accent};border-radius:2px}
.pn{font-size:10px;color:${P.accent};font-weight:600;margin-right:1px;text-decoration:none;display:inline-block}
@media (max-width:900px){.cols{grid-template-columns:1fr}.doc{height:auto}}
`;
