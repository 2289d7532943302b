/**
 * The one style sheet of the web UI: system fonts, one colour per record type (`.t-<type>` sets `--c` and
 * `--bg`), cards, and a layout that folds to one column on a phone.
 */

/** The style sheet, served under a content-hashed URL. */
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
:root{--ink:#1c2333;--muted:#536076;--line:#dde2ec;--page:#f4f6fa;--card:#fff;--accent:#1d4ed8;--focus:#f59e0b;
--c:#475569;--bg:#e8edf3;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",sans-serif;
line-height:1.5;color:var(--ink);background:var(--page)}
body{margin:0}
a{color:var(--accent);text-underline-offset:2px}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
.t-concept{--c:#6d28d9;--bg:#ede9fe}.t-course{--c:#1d4ed8;--bg:#dbeafe}.t-lecture{--c:#0f766e;--bg:#ccfbf1}
.t-mooc{--c:#b45309;--bg:#fef3c7}.t-person{--c:#be185d;--bg:#fce7f3}.t-unit{--c:#15803d;--bg:#dcfce7}
.t-publication{--c:#b91c1c;--bg:#fee2e2}.t-category{--c:#4b5563;--bg:#e5e7eb}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem;top:.5rem}
.top{background:#fff;border-bottom:1px solid var(--line)}
.top-in{max-width:72rem;margin:0 auto;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.logo{display:flex;align-items:center;gap:.45rem;font-weight:700;font-size:1.1rem;color:var(--ink);text-decoration:none}
.logo svg{flex:none}
.top .search{flex:1 1 18rem;max-width:34rem}
.nav-chat{margin-left:auto;font-size:.9rem;font-weight:600;white-space:nowrap;text-decoration:none}
.nav-chat+.lang{margin-left:.5rem}
.lang{margin-left:auto;font-size:.9rem;font-weight:600;padding:.3rem .7rem;border:1px solid var(--line);border-radius:99px;text-decoration:none}
main{max-width:72rem;margin:0 auto;padding:1.25rem 1rem 3rem}
footer{max-width:72rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
h1{font-size:clamp(1.6rem,4vw,2.3rem);line-height:1.15;margin:.2rem 0 .6rem;letter-spacing:-.01em}
h2{font-size:1.15rem;margin:0 0 .6rem}
.search{position:relative;display:flex;gap:.4rem}
.search input{flex:1;min-width:0;font:inherit;padding:.55rem .8rem;border:1.5px solid #aab4c5;border-radius:10px;background:#fff;color:var(--ink)}
.search input:focus{border-color:var(--accent);outline:3px solid #bfdbfe;outline-offset:0}
.search button{font:inherit;font-weight:600;padding:.55rem 1rem;border:0;border-radius:10px;background:var(--accent);color:#fff;cursor:pointer}
.hero{text-align:center;padding:3rem 0 2rem}
.hero h1{font-size:clamp(2rem,6vw,3rem)}
.hero p{color:var(--muted);max-width:38rem;margin:0 auto 1.5rem}
.hero .search{max-width:40rem;margin:0 auto;text-align:left}
.hero .search input{font-size:1.1rem;padding:.75rem 1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ac{position:absolute;top:100%;left:0;right:0;z-index:5;margin:.3rem 0 0;padding:.3rem;list-style:none;background:#fff;
border:1px solid var(--line);border-radius:10px;box-shadow:0 10px 30px #1c233326;max-height:24rem;overflow:auto}
.ac[hidden]{display:none}
.ac .grp{font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);padding:.4rem .5rem .1rem}
.ac [role=option]::before{content:"";flex:none;width:.6rem;height:.6rem;border-radius:50%;background:var(--c)}
.ac [role=option]{display:flex;gap:.5rem;align-items:center;padding:.4rem .5rem;border-radius:6px;cursor:pointer}
.ac [role=option][aria-selected=true]{background:#e0e7ff;outline:2px solid var(--accent)}
.badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;
color:var(--c);background:var(--bg);padding:.1rem .45rem;border-radius:99px;white-space:nowrap}
.code{font:600 .8rem ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--c);background:var(--bg);padding:.05rem .35rem;border-radius:4px;white-space:nowrap}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.75rem;max-width:48rem;margin:2rem auto 0;padding:0;list-style:none}
.tiles li{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:10px;padding:.7rem .9rem}
.tiles strong{display:block;font-size:1.5rem}
.tabs{display:flex;gap:.4rem;flex-wrap:wrap;margin:0 0 1rem;padding:0;list-style:none}
.tabs a{display:inline-block;padding:.3rem .8rem;border-radius:99px;border:1px solid var(--line);background:#fff;text-decoration:none;color:var(--ink);font-size:.9rem}
.tabs a[aria-current]{background:var(--ink);color:#fff;border-color:var(--ink)}
.hits{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.hit{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--c);border-radius:10px;padding:.8rem 1rem}
.hit h2{font-size:1.05rem;margin:.25rem 0}
.hit p{margin:0;color:var(--muted)}
mark{background:#fde68a;color:inherit;padding:0 .1em;border-radius:2px}
.pager{display:flex;gap:.4rem;flex-wrap:wrap;margin-top:1.25rem;list-style:none;padding:0}
.pager a,.pager span{display:inline-block;min-width:2.4rem;text-align:center;padding:.35rem .7rem;border:1px solid var(--line);border-radius:8px;background:#fff;text-decoration:none}
.pager [aria-current]{background:var(--accent);color:#fff;border-color:var(--accent)}
.crumbs ol{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:0;padding:0;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-right:.3rem;color:var(--muted)}
.head{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);gap:1.5rem;align-items:start}
.desc{font-size:1.05rem;max-width:44rem}
.note{color:var(--muted);font-style:italic}
.disclaimer{border:1px solid #f2d58a;background:#fffbeb;border-radius:10px;padding:.7rem 1rem;font-size:.9rem;margin:1rem 0}
.disclaimer strong{display:block}
.attrs{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.5rem 0;font-size:.9rem}
.attrs dt{color:var(--muted)}.attrs dd{margin:0 0 0 .3rem;font-weight:600}.attrs div{display:flex}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:.5rem}
figure svg{display:block;width:100%;height:auto}
figcaption{font-size:.8rem;color:var(--muted);padding:.2rem .4rem}
.map a:focus-visible{outline:none}.map a:focus-visible circle{stroke:var(--focus);stroke-width:4}
.map circle{fill:var(--c);stroke:#fff;stroke-width:2}.map svg{overflow:visible}.map text.c{font-size:17px;font-weight:700}.legend{display:block;margin-top:.3rem}
.map text{font-size:15px;fill:#1c2333;paint-order:stroke;stroke:#fff;stroke-width:3px}
.map a:hover text{text-decoration:underline}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,21rem),1fr));gap:1rem;margin-top:1rem}
.card{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c);border-radius:12px;padding:1rem 1.1rem}
.card h2 .n{color:var(--muted);font-weight:500}
.items{list-style:none;margin:0;padding:0}
.items li{padding:.55rem 0;border-top:1px solid var(--line)}
.items li:first-child{border-top:0;padding-top:0}
.items .name{font-weight:600;text-decoration:none}.items .name:hover{text-decoration:underline}.card .note{font-size:.88rem;margin:0 0 .7rem}
.items p{margin:.15rem 0 0;font-size:.88rem;color:var(--muted);overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.part-of{font-size:.82rem;color:var(--muted);margin-left:.3rem}
.also{display:block;font-size:.82rem;color:var(--muted)}
.why{font-size:.78rem;color:var(--muted);display:flex;align-items:center;gap:.4rem;margin-top:.15rem}
.bar{display:inline-block;width:3.5rem;height:.4rem;background:#e5e7eb;border-radius:99px;overflow:hidden}
.bar i{display:block;height:100%;background:var(--c)}
.more{display:inline-block;margin-top:.6rem;font:inherit;font-weight:600;font-size:.9rem;color:var(--accent);background:none;border:1px solid var(--line);border-radius:8px;padding:.3rem .8rem;cursor:pointer;text-decoration:none}
.more:hover{background:#eef2ff}.more[hidden]{display:none}
.report,.flag{font-size:.72rem;color:var(--muted)}.flag{margin-left:.25rem;text-decoration:none}.curate label,.report-form label{display:block;margin-top:.5rem}.report-form textarea{width:100%}form.card button{margin-top:.6rem}
.chips{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.chips a{display:flex;align-items:center;gap:.45rem;padding:.3rem .7rem;border-radius:99px;background:var(--bg);color:var(--c);text-decoration:none;font-weight:600;font-size:.9rem}
.chips .s{font:600 .75rem ui-monospace,monospace;background:#fff;border-radius:99px;padding:0 .35rem}
.chips li{display:flex;align-items:center}.chips a.flag{display:inline;background:none;padding:0 .2rem;color:var(--muted);font-weight:400;font-size:.75rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}
.facts dt{color:var(--muted);font-size:.9rem}.facts dd{margin:0}
.facts ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .9rem}
.section-gap{margin-top:1.5rem}
.card.wide{grid-column:1/-1;min-width:0}.path-map{margin:.6rem 0;overflow-x:auto}.path-map .edges path{fill:none;stroke:#94a3b8;stroke-width:1.6}
.path-map .taken circle{fill:#15803d}.path-map .goal circle{stroke:var(--c);stroke-width:3;fill:#fff}.path-map text{font-size:13px}
.steps{margin:.4rem 0;padding-left:1.6rem}.steps li{padding:.2rem 0}.steps .why-inline{font-size:.8rem;color:var(--muted)}
.steps li.taken a{color:#15803d}.badge.ok{color:#15803d;background:#dcfce7}
.taken-form .row{display:flex;gap:.4rem;margin:.3rem 0 .6rem}.taken-form input{flex:1;min-width:0;font:inherit;padding:.4rem .6rem;border:1.5px solid #aab4c5;border-radius:8px}
.taken-form button,.compare-form button{font:inherit;font-weight:600;padding:.4rem .9rem;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer}
.split{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}.split h3{font-size:1rem;margin:.2rem 0 .5rem}
.chips.covered a{background:#dcfce7;color:#15803d}
.compare-wrap{position:relative;overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:12px;margin-top:1rem}
.compare{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}.compare thead th:first-child{width:26%}.compare th,.compare td{padding:.4rem .7rem;text-align:left;border-top:1px solid var(--line);vertical-align:top}
.compare thead th{border-top:0;overflow-wrap:anywhere}.compare thead a{text-decoration:none;font-weight:600}.compare .group th{background:var(--page);font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.compare td .s{font:600 .75rem ui-monospace,monospace;color:var(--muted)}.compare tbody th a{text-decoration:none;color:var(--c);font-weight:600}
pre.tag{background:#0f172a;color:#e2e8f0;border-radius:8px;padding:.6rem .8rem;overflow-x:auto;font-size:.8rem;white-space:pre-wrap;word-break:break-all}
@media (max-width:720px){.head{grid-template-columns:1fr}.top-in{gap:.5rem}.top .search{order:3;flex-basis:100%;max-width:none}
.facts{grid-template-columns:1fr}.map text{font-size:18px}.map text.c{font-size:20px}.facts dd{margin-bottom:.4rem}main{padding-top:1rem}}
`
  .replace(/\n/g, "")
  .trim();
