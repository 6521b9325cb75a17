/** The report's stylesheet: calm, dense, readable at a glance; verdict colours carry the meaning. */
export const QC_REPORT_CSS = `
:root{--pass:#16834a;--flag:#c46a00;--reject:#c81e1e;--error:#5f6673;--ink:#1c2230;--muted:#6b7280;--line:#e3e5ea;--bg:#f6f7f9;--card:#fff;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header.top{padding:18px 28px 8px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline}
header.top h1{font-size:20px;margin:0}
header.top .sub{color:var(--muted)}
.muted{color:var(--muted)}
.summary{padding:0 28px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0 16px}
.stat{border:1px solid var(--line);background:var(--card);border-radius:10px;padding:10px 16px;min-width:120px;text-align:left;cursor:pointer;font:inherit;color:inherit}
.stat .n{display:block;font-size:26px;font-weight:650;line-height:1.1}
.stat .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.stat.pass .n{color:var(--pass)}.stat.flag .n{color:var(--flag)}.stat.reject .n{color:var(--reject)}.stat.error .n{color:var(--error)}
.stat.rate{cursor:default;background:#eef4ff;border-color:#cfdcfb}.stat.rate .n{color:var(--accent)}
.stat:hover:not(.rate){border-color:var(--accent)}
.panels{display:grid;grid-template-columns:minmax(420px,3fr) minmax(320px,2fr);gap:14px;align-items:start}
.side{display:flex;flex-direction:column;gap:14px}
@media (max-width:1000px){.panels{grid-template-columns:1fr}}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;overflow:auto}
.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:0 0 8px}
table{border-collapse:collapse;width:100%}
th,td{padding:5px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
th{font-size:11px;text-transform:uppercase;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.categories tbody tr{cursor:pointer}.categories tbody tr:hover{background:#f2f6ff}
.pass-t{color:var(--pass)}.flag-t{color:var(--flag)}.reject-t{color:var(--reject)}.error-t{color:var(--error)}
.stack{display:flex;height:10px;width:140px;border-radius:5px;overflow:hidden;background:var(--line)}
.stack span{display:block;height:100%}
.stack .pass,.meter .pass{background:var(--pass)}.stack .flag,.meter .flag{background:var(--flag)}.stack .reject,.meter .reject{background:var(--reject)}.stack .error,.meter .error{background:var(--error)}
.reasons{list-style:none;margin:0;padding:0}
.reasons li{margin:0 0 6px}
.reasons button{display:grid;grid-template-columns:1fr 90px 32px;gap:8px;align-items:center;width:100%;border:0;background:none;padding:2px 0;font:inherit;color:inherit;cursor:pointer;text-align:left}
.reasons button:hover .label{color:var(--accent);text-decoration:underline}
.reasons .split{font-size:12px}
.meter{height:8px;background:var(--line);border-radius:4px;overflow:hidden}.meter span{display:block;height:100%}
.count{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.histogram{width:100%;height:auto}.histogram .bar{fill:#9aa3b2}.histogram .bar.pass{fill:var(--pass)}.histogram .bar.flag{fill:var(--flag)}.histogram .bar.reject{fill:var(--reject)}
.histogram .tick,.histogram .axis{font-size:9px;fill:var(--muted)}
.histogram .limit{stroke-width:1;stroke-dasharray:3 2}.histogram .limit.flag{stroke:var(--flag)}.histogram .limit.reject{stroke:var(--reject)}
.histogram .limit-label{font-size:9px}.histogram .limit-label.flag{fill:var(--flag)}.histogram .limit-label.reject{fill:var(--reject)}
.toolbar{position:sticky;top:0;z-index:5;background:rgba(246,247,249,.96);backdrop-filter:blur(4px);border-bottom:1px solid var(--line);padding:10px 28px;margin-top:16px;display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center}
.chips{display:flex;gap:4px}
.chip{border:1px solid var(--line);background:var(--card);border-radius:999px;padding:4px 11px;font:inherit;cursor:pointer;color:inherit}
.chip[aria-pressed=true]{background:var(--ink);border-color:var(--ink);color:#fff}
.chip .c{opacity:.7;margin-left:4px;font-variant-numeric:tabular-nums}
.toolbar select,.toolbar input[type=search]{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:inherit}
.toolbar input[type=search]{width:220px}
.toolbar label{display:flex;gap:5px;align-items:center;color:var(--muted)}
.toolbar .showing{margin-left:auto;color:var(--muted)}
.toolbar button.reset{border:0;background:none;color:var(--accent);cursor:pointer;font:inherit}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:12px;padding:16px 28px 40px;align-items:start}
.card{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--line);border-radius:10px;display:grid;grid-template-columns:132px 1fr;gap:12px;padding:10px;align-items:start}
.card.v-pass{border-left-color:var(--pass)}.card.v-flag{border-left-color:var(--flag)}.card.v-reject{border-left-color:var(--reject)}.card.v-error{border-left-color:var(--error)}
.card[hidden]{display:none}
.card{content-visibility:auto;contain-intrinsic-size:auto 200px}
.thumb{position:relative;line-height:0;background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/12px 12px;border-radius:6px;overflow:hidden;cursor:zoom-in;align-self:start}
.thumb img{width:100%;height:auto;display:block}
.thumb.empty{height:110px;display:flex;align-items:center;justify-content:center;color:var(--muted);line-height:1.2;font-size:12px;cursor:default;background:#f1f2f4}
.overlay{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}
.overlay .outline{fill:none;stroke:#00b7ff;stroke-width:1.3;vector-effect:non-scaling-stroke;opacity:.9}
body.no-outline .overlay .outline{display:none}
.overlay .excluded{fill:rgba(214,0,170,.28);stroke:#d600aa;stroke-width:1;vector-effect:non-scaling-stroke}
.overlay .swatch-point circle,.overlay .swatch-point path{fill:none;stroke:#fff;stroke-width:3;vector-effect:non-scaling-stroke}
.overlay .swatch-point circle{stroke:#111;stroke-width:1.5}
body.no-fabric .overlay .excluded,body.no-fabric .overlay .swatch-point{display:none}
.swatch.measured{border-radius:50%}
.overlay .box{fill:none;stroke-width:2;vector-effect:non-scaling-stroke}
.overlay .box.flag{stroke:var(--flag)}.overlay .box.reject{stroke:var(--reject)}
.body{min-width:0}
.body header{display:flex;gap:8px;align-items:center}
.body h3{margin:0;font-size:13.5px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:2px 6px;color:#fff;flex:none}
.badge.pass{background:var(--pass)}.badge.flag{background:var(--flag)}.badge.reject{background:var(--reject)}.badge.error{background:var(--error)}
.meta{margin:3px 0 6px;color:var(--muted);font-size:12.5px;display:flex;align-items:center;gap:4px;flex-wrap:wrap}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;border:1px solid rgba(0,0,0,.2)}
.findings{list-style:none;margin:0;padding:0}
.findings li{margin:0 0 3px;font-size:12.5px;line-height:1.35}
.findings li.more{color:var(--muted);padding-left:14px}
.findings .what{font-weight:600}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:#c6cad2;vertical-align:1px}
.reject>.dot,tr.reject .dot{background:var(--reject)}.flag>.dot,tr.flag .dot{background:var(--flag)}.pass>.dot,tr.pass .dot{background:var(--pass)}tr.info .dot{background:#b7bcc6}
.findings .value{font-variant-numeric:tabular-nums;font-weight:600}
.findings .limit,.measures td:last-child{color:var(--muted);font-size:12px}
.ok-text{color:var(--pass);margin:4px 0}.error-text{color:var(--error);margin:4px 0;word-break:break-word}
details summary{cursor:pointer;color:var(--accent);font-size:12.5px;margin-top:4px}
.measures{font-size:12px;margin-top:4px}.measures td{padding:4px 4px;vertical-align:top}.measures td p{margin:1px 0 0 14px;color:var(--muted)}.measures td:nth-child(2){white-space:nowrap;font-variant-numeric:tabular-nums}
.empty-state{padding:40px 28px;color:var(--muted);text-align:center}
dialog.zoom{border:0;border-radius:10px;padding:0;max-width:92vw;max-height:92vh;box-shadow:0 20px 60px rgba(0,0,0,.35)}
dialog.zoom::backdrop{background:rgba(15,20,30,.55)}
dialog.zoom .thumb{cursor:zoom-out;width:min(80vh,88vw)}
footer{padding:0 28px 30px;color:var(--muted);font-size:12px}
`;
