// The scan page's stylesheet.
import { BASE_CSS } from './html-styles.js';
import { PALETTE as P } from './palette.js';

export const SCAN_CSS = `${BASE_CSS}
.wrap{max-width:1400px;margin:0 auto;padding:16px;display:grid;gap:16px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
@media (max-width:1000px){.layout{grid-template-columns:1fr}}
.search input{font:inherit;padding:5px 10px;border:1px solid ${P.rule};border-radius:6px;width:60%}
.phrases th[data-key]{cursor:pointer;user-select:none}
.phrases th[data-key]:hover{color:${P.accent}}
tr.phrase{cursor:pointer}
tr.phrase:hover,tr.phrase:focus{background:${P.page};outline:none}
tr.phrase.open{background:#ddf4ff}
td.ph>div{word-break:break-all;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
td.span{white-space:nowrap;color:${P.muted}}
#more{margin-top:8px;font:inherit;font-size:13px;padding:4px 12px;border:1px solid ${P.rule};border-radius:6px;background:${P.page};cursor:pointer}
#detail{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto}
#detail h3{font-size:14px;margin:14px 0 6px}
.tpl{font-family:ui-monospace,monospace;font-size:13px;color:${P.muted};word-break:break-all}
.kwicbar{font-size:13px;margin-bottom:6px}
.kwicbar button{font:inherit;font-size:12px;margin-left:4px;padding:1px 8px;border:1px solid ${P.rule};border-radius:5px;background:${P.paper};cursor:pointer}
.kwicbar button[aria-pressed=true]{background:${P.accent};color:#fff;border-color:${P.accent}}
.kwic{font-size:13px;max-height:290px;overflow:auto}
.kl{display:grid;grid-template-columns:9em minmax(4em,1fr) auto minmax(4em,1fr);gap:0 4px;border-bottom:1px solid ${P.rule};padding:2px 0}
.kl>span{white-space:nowrap;overflow:hidden}
.kl .src{color:${P.muted};text-overflow:ellipsis}
.kl .left{display:flex;justify-content:flex-end}
.kl .node{color:${P.stock};font-weight:600;max-width:24em;text-overflow:ellipsis}
#detail svg{max-width:100%;height:auto}
svg text{font-size:10px;fill:${P.muted}}
svg .tot{fill:${P.rule}}
svg .bar{fill:${P.stock}}
svg .axis{stroke:${P.muted};stroke-width:1}
svg .doc{fill:${P.page};stroke:${P.rule}}
svg .dot{fill:${P.stock};fill-opacity:.75}
svg.ratio-timeline{max-width:100%;height:auto}
svg .tick{stroke:${P.stock};stroke-width:1.5}
svg.heatmap rect[data-open]{cursor:pointer}
.scroll{overflow:auto;max-height:80vh}
.heatkey{columns:3 260px;font-size:12px;margin:8px 0 0;padding-left:28px}
.heatkey a{color:inherit;text-decoration:none}
.heatkey a:hover{color:${P.accent}}
table.formulaicity td.doc{word-break:break-all}
td.barcell{width:40%}
.bar{display:inline-block;height:10px;background:${P.stock};border-radius:2px;vertical-align:middle}
`;
