// The page of `plansheet serve` in Debian's headless chromium (playwright-core, never a downloaded browser): paste a
// sample, see the table, change a column's role, download the workbook and the JSON, and check both against
// `plansheet convert` with the same --roles. Saves screenshots in OUT_DIR.
//
//   node page_test.mjs PLANSHEET_BINARY SOURCE_DIR OUT_DIR
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, copyFileSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";

const [binary, source, out] = process.argv.slice(2).map((p) => path.resolve(p));
const browserPath = process.env.PLANSHEET_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(browserPath)) {
  console.log(`skipped: no ${browserPath} (apt-get install chromium)`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch (e) {
  console.log("skipped: playwright-core is not installed (npm ci beside this script)");
  process.exit(77);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "tmp"), { recursive: true });

const sampleName = "leicestershire-2050-net-zero-action-plan.txt";
const sample = path.join(source, "samples", sampleName);
const roles = "2=extra";  // column 2 ('Objective', read as objective) kept as a column of its own instead

// `plansheet convert` of the sample, from a copy in OUT_DIR named as the page names a paste.
function convertJson(...flags) {
  copyFileSync(sample, path.join(out, "pasted.txt"));
  execFileSync(binary, ["convert", "pasted.txt", "-o", "convert.xlsx", "--json", "convert.json", "-q", ...flags],
    { cwd: out });
  return JSON.parse(readFileSync(path.join(out, "convert.json"), "utf8"));
}

function startServer() {
  const server = spawn(binary, ["serve", "--port", "0"], {
    env: { ...process.env, TMPDIR: path.join(out, "tmp") }, stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    let said = "";
    server.stderr.on("data", (chunk) => {
      said += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
      if (match) resolve({ server, url: match[0] });
    });
    server.on("exit", () => reject(new Error(`the server stopped: ${said}`)));
  });
}

const { server, url } = await startServer();
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
let page = null;
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("blob:")) problems.push(`fetched ${r.url()}`); });
  await page.goto(url);
  // Keyboard: the first Tab reaches the skip link, the next ones the file chooser and the paste box.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "file");

  // Paste the sample and read it.
  await page.getByLabel("or paste the table").fill(readFileSync(sample, "utf8"));
  await page.getByRole("button", { name: "Read the plan" }).click();
  await page.locator("#plan-table tbody tr[data-line]").first().waitFor({ timeout: 10000 });
  const detected = convertJson();
  assert.equal(await page.locator("#plan-table tbody tr[data-line]").count(), detected.actions.length);
  assert.equal(await page.getByLabel(/Role of column 2,/).inputValue(), "objective");
  await page.screenshot({ path: path.join(out, "page-read.png") });

  // Change column 2's role: the plan is read again with --roles.
  const reread = page.waitForResponse((r) => r.url().endsWith("/api/read"));
  await page.getByLabel(/Role of column 2,/).selectOption("extra");
  assert.equal((await reread).status(), 200);
  // A locator, not waitForFunction: that polls by eval, which the page's CSP rightly refuses.
  await page.locator("#status", { hasText: /^Read \d/ }).waitFor({ timeout: 10000 });
  assert.equal(await page.getByLabel(/Role of column 2,/).inputValue(), "extra");
  const expected = convertJson("--roles", roles);

  // The workbook download, read back by the command line with the same role choice: the same title, periods and
  // actions (all but their source line, which is the workbook's) as convert of the paste with those --roles.
  const [workbook] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the workbook (.xlsx)" }).click()]);
  const xlsx = path.join(out, "downloaded.xlsx");
  await workbook.saveAs(xlsx);
  assert.equal(workbook.suggestedFilename(), "pasted.xlsx");
  // The workbook lays its columns out its own way (a Section column first): the same choice is the column the
  // workbook labels 'Objective', found by position in its own reading.
  const explained = execFileSync(binary, ["check", xlsx, "--explain"], { encoding: "utf8" });
  const objective = explained.match(/^\s+(\d+) \w+\s+'Objective':/m);
  assert.ok(objective, "the workbook has an 'Objective' column");
  execFileSync(binary, ["convert", xlsx, "-o", path.join(out, "readback.xlsx"), "--json",
    path.join(out, "readback.json"), "-q", "--roles", `${objective[1]}=extra`]);
  const readback = JSON.parse(readFileSync(path.join(out, "readback.json"), "utf8"));
  const essentials = (plan) => ({ title: plan.title, periods: plan.periods,
    actions: plan.actions.map(({ line, ...rest }) => rest) });
  assert.deepEqual(essentials(readback), essentials(expected));
  assert.ok(expected.actions.every((a) => a.extra && "Objective" in a.extra && !("objective" in a)));

  // The JSON download equals convert's JSON with the same --roles, whole.
  const [json] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("button", { name: "JSON", exact: true }).click()]);
  await json.saveAs(path.join(out, "downloaded.json"));
  assert.deepEqual(JSON.parse(readFileSync(path.join(out, "downloaded.json"), "utf8")), expected);

  // The profile holds the choices by the command line's names.
  const [profile] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("button", { name: "Save the choices as a profile" }).click()]);
  await profile.saveAs(path.join(out, "profile.json"));
  assert.deepEqual(JSON.parse(readFileSync(path.join(out, "profile.json"), "utf8")),
    { plansheet_profile: 1, roles });

  // WCAG 2 A and AA rules (labels, contrast of 4.5:1, names, landmarks) by axe-core, run through the DevTools
  // protocol (the page's CSP allows no injected script, rightly).
  const axeSource = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "node_modules", "axe-core",
    "axe.min.js"), "utf8");
  const violations = await page.evaluate(async (source) => {
    (0, eval)(source);
    const result = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21aa"] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes[0].target})`);
  }, axeSource);
  assert.deepEqual(violations, []);


  // A repaired cell says what was changed; a warning's button scrolls to its row (none in this sample: checked
  // when present).
  const repaired = page.locator("td.repaired").first();
  assert.match(await repaired.getAttribute("title"), /^Repaired \([a-z-]+, line \d+\): ".*" → ".*"\. \S/s);
  await page.screenshot({ path: path.join(out, "page.png") });
  await page.screenshot({ path: path.join(out, "page-full.png"), fullPage: true });
  assert.deepEqual(problems, []);
  console.log(`ok: ${detected.actions.length} actions; screenshots in ${out}`);
} catch (e) {
  failed = true;
  console.error(e, problems);
  if (page) await page.screenshot({ path: path.join(out, "failure.png") }).catch(() => {});
} finally {
  await browser.close();
  const stopped = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  const code = await stopped;
  if (code !== 0) {
    console.error(`the server exited ${code} on SIGTERM`);
    failed = true;
  }
}
assert.deepEqual(readdirSync(path.join(out, "tmp")), [], "temporary files left by the server");
process.exit(failed ? 1 : 0);
