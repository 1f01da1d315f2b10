// The scan page's script (plain ES2017, no libraries): the searchable, sortable phrase table, and for
// an opened phrase its KWIC lines, a timeline of its documents per group and a dispersion plot, all
// drawn from the page's JSON block. Every text is escaped before it becomes markup.
export const SCAN_PAGE_SCRIPT = String.raw`(function(){
var D=JSON.parse(document.getElementById('scan-data').textContent);
var P=D.phrases,docs=D.docs,G=D.groups;
var $=function(id){return document.getElementById(id)};
var q=$('q'),rows=$('rows'),more=$('more'),shown=$('shown'),detail=$('detail');
var LIMIT=200,limit=LIMIT,key='f',desc=true,current=-1,kwicSort='doc';
var gi={};G.forEach(function(g,i){gi[g]=i});
function esc(s){return String(s).replace(/[&<>"']/g,function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]})}
function base(p){return p.slice(p.lastIndexOf('/')+1)}
function cmp(a,b){return a<b?-1:a>b?1:0}
function docLabel(d){var x=docs[d],n=base(x.p);return x.g>=0&&n.indexOf(G[x.g])<0?G[x.g]+' · '+n:n}
var docRank=docs.map(function(_,i){return i}).sort(function(a,b){var ga=docs[a].g<0?1e9:docs[a].g,gb=docs[b].g<0?1e9:docs[b].g;return ga-gb||cmp(docs[a].p,docs[b].p)});
var rankOf=[];docRank.forEach(function(d,r){rankOf[d]=r});
function value(p,k){if(k==='a'||k==='z'){var v=p[k];return v===''?(desc?-1:1e9):gi[v]}return p[k]}
function order(){var idx=P.map(function(_,i){return i});var s=desc?-1:1;
 idx.sort(function(a,b){var x=P[a],y=P[b];var c=(key==='t'?cmp(x.t,y.t):value(x,key)-value(y,key));return s*c||y.f-x.f||y.c-x.c||cmp(x.t,y.t)});return idx}
var sorted=order();
function matches(p,n){return!n||p.t.indexOf(n)>=0||p.m.indexOf(n)>=0}
function span(p){return p.a===''?'':p.a===p.z?esc(p.a):esc(p.a)+'–'+esc(p.z)}
function render(){var n=q.value.trim();var hit=sorted.filter(function(i){return matches(P[i],n)});
 rows.innerHTML=hit.slice(0,limit).map(function(i){var p=P[i];return'<tr class="phrase'+(i===current?' open':'')+'" data-i="'+i+'" tabindex="0"><td class="num">'+p.f+'</td><td class="num">'+p.c+'</td><td class="num">'+p.dp.toFixed(2)+'</td><td class="span">'+span(p)+'</td><td class="ph"><div>'+esc(p.m||p.t)+'</div></td></tr>'}).join('');
 shown.textContent=(hit.length<P.length?hit.length+' / ':'')+P.length+' phrases';more.hidden=hit.length<=limit}
function niceStep(span,most){var steps=[1,2,5,10,20,25,50,100,200,500,1000];for(var i=0;i<steps.length;i++)if(span/steps[i]<=most)return steps[i];return Math.ceil(span/most)}
function timeline(p){if(!G.length)return'<p class="muted">No groups: scan with --group-by COLUMN (e.g. year) for a timeline.</p>';
 var W=660,H=150,L=34,R=10,T=10,B=26,pw=W-L-R,ph=H-T-B,maxD=Math.max.apply(null,D.groupDocs.concat([1]));
 var x,bw,num=D.numeric;if(num){var vals=G.map(Number),lo=Math.min.apply(null,vals),hi=Math.max.apply(null,vals);bw=pw/(hi-lo+1);x=function(g){return L+(vals[g]-lo)*bw}}else{bw=pw/G.length;x=function(g){return L+g*bw}}
 var have={};p.gd.forEach(function(r){have[r[0]]=r});var out=[];
 G.forEach(function(g,i){var tot=D.groupDocs[i]/maxD*ph;out.push('<rect class="tot" x="'+(x(i)+bw*0.1).toFixed(1)+'" y="'+(T+ph-tot).toFixed(1)+'" width="'+(bw*0.8).toFixed(1)+'" height="'+tot.toFixed(1)+'"/>');
  var r=have[i];if(r){var h=r[1]/maxD*ph;out.push('<rect class="bar" data-group="'+esc(g)+'" x="'+(x(i)+bw*0.1).toFixed(1)+'" y="'+(T+ph-h).toFixed(1)+'" width="'+(bw*0.8).toFixed(1)+'" height="'+h.toFixed(1)+'"><title>'+esc(D.groupBy+' '+g+': '+r[1]+' of '+D.groupDocs[i]+' documents, ×'+r[2])+'</title></rect>')}});
 var ticks=[];if(num){var vals2=G.map(Number),lo2=Math.min.apply(null,vals2),hi2=Math.max.apply(null,vals2),st=niceStep(hi2-lo2+1,12);for(var v=Math.ceil(lo2/st)*st;v<=hi2;v+=st)ticks.push([L+(v-lo2+0.5)*bw,String(v)])}else{var k=Math.ceil(G.length/12);G.forEach(function(g,i){if(i%k===0)ticks.push([x(i)+bw/2,g])})}
 ticks.forEach(function(t){out.push('<line class="axis" x1="'+t[0].toFixed(1)+'" x2="'+t[0].toFixed(1)+'" y1="'+(T+ph)+'" y2="'+(T+ph+4)+'"/><text x="'+t[0].toFixed(1)+'" y="'+(H-8)+'" text-anchor="middle">'+esc(t[1])+'</text>')});
 out.push('<line class="axis" x1="'+L+'" x2="'+(W-R)+'" y1="'+(T+ph)+'" y2="'+(T+ph)+'"/><text x="'+(L-4)+'" y="'+(T+8)+'" text-anchor="end">'+maxD+'</text><text x="'+(L-4)+'" y="'+(T+ph)+'" text-anchor="end">0</text>');
 return'<svg class="timeline" width="'+W+'" height="'+H+'" viewBox="0 0 '+W+' '+H+'" role="img" aria-label="documents per '+esc(D.groupBy)+'">'+out.join('')+'</svg>'+
  '<p class="muted">Documents per '+esc(D.groupBy)+' holding the phrase (dark) of all documents in the '+esc(D.groupBy)+' (light).</p>'}
function dispersion(p){var MAX=60,ticks={};p.o.forEach(function(o){if(o[0]>=0)(ticks[o[0]]=ticks[o[0]]||[]).push(o[1])});
 var ds=Object.keys(ticks).map(Number).sort(function(a,b){return rankOf[a]-rankOf[b]});var shownDs=ds.slice(0,MAX);
 var W=660,L=170,w=W-L-10,RH=13,H=shownDs.length*RH+6,out=[];
 shownDs.forEach(function(d,r){var y=r*RH+3,n=Math.max(1,docs[d].n);out.push('<text x="'+(L-6)+'" y="'+(y+9)+'" text-anchor="end">'+esc(docLabel(d))+'</text><rect class="doc" x="'+L+'" y="'+(y+2)+'" width="'+w+'" height="'+(RH-4)+'"/>');
  ticks[d].forEach(function(s){var tx=(L+s/n*w).toFixed(1);out.push('<line class="tick" x1="'+tx+'" x2="'+tx+'" y1="'+y+'" y2="'+(y+RH-1)+'"/>')})});
 return'<svg class="dispersion" width="'+W+'" height="'+H+'" viewBox="0 0 '+W+' '+H+'" role="img" aria-label="where it falls in each document">'+out.join('')+'</svg>'+
  (ds.length>MAX?'<p class="muted">… '+(ds.length-MAX)+' more documents</p>':'')+'<p class="muted">Each row is a document holding the phrase, start to end; a tick per occurrence. DP '+p.dp.toFixed(2)+' (0: spread like the documents\' sizes; near 1: in one document).</p>'}
function rev(s){return s.split('').reverse().join('')}
function kwic(p){var lines=p.k.slice();if(kwicSort==='left')lines.sort(function(a,b){return cmp(rev(a[2]),rev(b[2]))||rankOf[a[0]]-rankOf[b[0]]||a[1]-b[1]});else if(kwicSort==='right')lines.sort(function(a,b){return cmp(a[4],b[4])||rankOf[a[0]]-rankOf[b[0]]||a[1]-b[1]});else lines.sort(function(a,b){return rankOf[a[0]]-rankOf[b[0]]||a[1]-b[1]});
 var btn=function(s,l){return'<button type="button" data-kwic="'+s+'"'+(kwicSort===s?' aria-pressed="true"':'')+'>'+l+'</button>'};
 return'<div class="kwicbar">Sort by '+btn('doc','document')+btn('left','left context')+btn('right','right context')+(p.c>p.k.length?' <span class="muted">first '+p.k.length+' of '+p.c+'</span>':'')+'</div>'+
  '<div class="kwic">'+lines.map(function(l){return'<div class="kl"><span class="src" title="'+esc(docs[l[0]].p)+' @'+l[1]+'">'+esc(docLabel(l[0]))+'</span><span class="left"><span>'+esc(l[2])+'</span></span><span class="node">'+esc(p.v[l[3]])+'</span><span class="right">'+esc(l[4])+'</span></div>'}).join('')+'</div>'}
function open(i){current=i;var p=P[i];detail.hidden=false;
 detail.innerHTML='<h2 id="detail-title">'+esc(p.t)+'</h2>'+(p.m&&p.m!==p.t?'<p class="tpl">'+esc(p.m)+'</p>':'')+
  '<p class="muted">'+p.f+' documents · ×'+p.c+' · DP '+p.dp.toFixed(2)+(p.a?' · '+esc(D.groupBy)+' '+span(p):'')+'</p>'+
  '<h3>Context</h3><div id="kwic">'+kwic(p)+'</div><h3>Over '+(D.groupBy?esc(D.groupBy):'groups')+'</h3>'+timeline(p)+'<h3>Where it falls in each document</h3>'+dispersion(p);
 render();detail.scrollIntoView({block:'start'})}
document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof Element))return;
 var th=t.closest('th[data-key]');if(th){var k=th.getAttribute('data-key');if(k===key)desc=!desc;else{key=k;desc=k!=='t'&&k!=='a'}sorted=order();render();return}
 var b=t.closest('[data-kwic]');if(b){kwicSort=b.getAttribute('data-kwic');$('kwic').innerHTML=kwic(P[current]);return}
 var o=t.closest('[data-open]');if(o){e.preventDefault();open(Number(o.getAttribute('data-open')));return}
 var r=t.closest('tr.phrase');if(r)open(Number(r.getAttribute('data-i')))});
rows.addEventListener('keydown',function(e){var r=e.target instanceof Element&&e.target.closest('tr.phrase');if(r&&e.key==='Enter')open(Number(r.getAttribute('data-i')))});
q.addEventListener('input',function(){limit=LIMIT;render()});
more.addEventListener('click',function(){limit+=LIMIT*5;render()});
render();document.body.setAttribute('data-ready','1')})();`;
