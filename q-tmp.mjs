import variant from "@jitl/quickjs-ng-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } from "quickjs-emscripten-core";
function rss(){return (process.memoryUsage().rss/1e6).toFixed(0)+"MB"}
async function run(code, limit=256*1024*1024) {
  const QuickJS = await newQuickJSWASMModuleFromVariant(variant);
  const rt = QuickJS.newRuntime();
  rt.setMemoryLimit(limit); rt.setMaxStackSize(1024*1024);
  rt.setInterruptHandler(shouldInterruptAfterDeadline(Date.now()+3000));
  const vm = rt.newContext();
  const t=performance.now();
  let out;
  try {
  const r = vm.evalCode(code, "main.js");
  if (r.error) { out = {err: vm.dump(r.error)}; r.error.dispose(); } else { out = {ok: vm.dump(r.value)}; r.value.dispose(); }
  } catch (e) { out = {host: String(e)} }
  try { vm.dispose(); rt.dispose(); } catch (e) { console.log("dispose fail", String(e)) }
  console.log(JSON.stringify(out).slice(0,200), (performance.now()-t).toFixed(1), rss());
}
await run("const a=[]; for(let i=0;i<64;i++) {a.push(new ArrayBuffer(128*1024**2));} a.length");
await run("const a=[]; for(let i=0;i<64;i++) {a.push(new ArrayBuffer(16*1024**2));} a.length");
await run("const a=[]; for(let i=0;i<64;i++) {a.push(new Uint8Array(16*1024**2).fill(1));} a.length");
await run("const a=[]; while(true) a.push({x: a.length, y: 'abc'+a.length})");
await run("let d=0; function f(){d++; f()} try { f() } catch(e) { String(e) + d }");
