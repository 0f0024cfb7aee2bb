/**
 * The HTML report in a real browser: the system Chromium, driven by
 * puppeteer-core. The page loads with no console error and no request, the
 * four section headings are visible, the hierarchy diagram is drawn (a box
 * per document, an arrow per link), Chinese text is laid out in a CJK font,
 * and the page prints to A4.
 *
 * Where no browser is installed (.ci/run installs chromium and
 * fonts-noto-cjk from Debian's packages first), the test is skipped and says so.
 *
 * `REPORT_SCREENSHOT=docs/report-qingyuan.png npx vitest run test/report/browser.test.ts`
 * also saves a screenshot of the reference report (the one in docs/).
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/index.js";
import { qingyuanReportInput, with66Changed } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) console.warn(`[report/browser] SKIPPED: no browser at ${CHROMIUM} (install chromium and fonts-noto-cjk: .ci/run does)`);

type Browser = import("puppeteer-core").Browser;
type Page = import("puppeteer-core").Page;

// The callbacks below run in the page, not in Node: the browser globals they use, declared for this file only.
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}
declare function getComputedStyle(element: unknown): { readonly visibility: string; readonly display: string; readonly fontFamily: string };
declare const document: {
  readonly body: { append(node: unknown): void };
  createElement(tag: "canvas"): { width: number; height: number; getContext(kind: "2d"): { font: string; fillText(text: string, x: number, y: number): void } | null; toDataURL(): string };
  createElement(tag: "span"): { style: { fontSize: string }; textContent: string; getBoundingClientRect(): Box };
};

describe.skipIf(!hasBrowser)("the HTML report in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    const puppeteer = (await import("puppeteer-core")).default;
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page with the report loaded, and every console error, page error and request it made. */
  async function open(html: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 1400 });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("request", (request) => {
      if (!request.url().startsWith("data:") && request.url() !== "about:blank") requests.push(request.url());
    });
    await page.setContent(html, { waitUntil: "load" });
    return { page, errors, requests };
  }

  it("loads with no console error and no request; the four section headings are visible", async () => {
    const { page, errors, requests } = await open(renderReport(qingyuanReportInput(), { format: "html" }));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const headings = await page.$$eval("h2", (nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        return { text: node.textContent, visible: box.width > 0 && box.height > 0 && style.visibility === "visible" && style.display !== "none" };
      }),
    );
    expect(headings).toEqual([
      { text: "一、政策背景", visible: true },
      { text: "二、实施效果", visible: true },
      { text: "三、组织评估工作过程", visible: true },
      { text: "四、评估结论", visible: true },
    ]);
    expect(await page.title()).toBe("《清远市人民政府办公室关于印发促进二手车便利交易实施方案的通知》实施情况和效果评估报告");
    if (process.env["REPORT_SCREENSHOT"] !== undefined) await page.screenshot({ path: process.env["REPORT_SCREENSHOT"] as `${string}.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it("draws the hierarchy: a box per document with its status, an arrow per link, inside the page", async () => {
    const { page } = await open(renderReport(qingyuanReportInput(with66Changed("repeals")), { format: "html" }));
    const diagram = await page.$eval("svg.hierarchy-diagram", (svg) => {
      const frame = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll("g.doc")].map((g) => {
        const r = g.querySelector("rect")!.getBoundingClientRect();
        const inside = r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1;
        return { status: g.getAttribute("data-status"), text: g.querySelector("text.number")?.textContent, drawn: r.width > 100 && r.height > 40 && inside };
      });
      const links = [...svg.querySelectorAll("path.link")].map((p) => (p as unknown as { getTotalLength(): number }).getTotalLength() > 10);
      return { width: frame.width, boxes, links };
    });
    expect(diagram.width).toBeGreaterThan(300);
    expect(diagram.boxes).toEqual([
      { status: "in_force", text: "清府办〔2017〕59号", drawn: true },
      { status: "repealed", text: "粤府办〔2016〕66号", drawn: true },
      { status: "in_force", text: "国办发〔2016〕13号", drawn: true },
    ]);
    expect(diagram.links).toEqual([true, true, true]);
    // No two boxes overlap.
    const rects = await page.$$eval("svg.hierarchy-diagram g.doc rect", (nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as Box));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
      }
    }
    // The Mermaid source is kept in the page.
    expect(await page.$eval("pre.mermaid", (pre) => pre.textContent?.startsWith("flowchart BT"))).toBe(true);
    await page.close();
  }, 60_000);

  it("lays Chinese out in a CJK font, shows data text as text, and prints to A4", async () => {
    const { page, errors } = await open(renderReport(qingyuanReportInput(), { format: "html" }));
    // A CJK font is installed and used: 国 is about 1em wide, and 国 and 图 are drawn as different glyphs (missing glyphs are identical boxes).
    const glyphs = await page.evaluate(() => {
      const family = getComputedStyle(document.body).fontFamily;
      const draw = (ch: string): string => {
        const canvas = document.createElement("canvas");
        canvas.width = 40;
        canvas.height = 40;
        const context = canvas.getContext("2d")!;
        context.font = `32px ${family}`;
        context.fillText(ch, 2, 32);
        return canvas.toDataURL();
      };
      const span = document.createElement("span");
      span.style.fontSize = "20px";
      span.textContent = "国国国国国国国国国国";
      document.body.append(span);
      return { width: span.getBoundingClientRect().width / 10, distinct: draw("国") !== draw("图") && draw("国") !== draw("") };
    });
    expect(glyphs.width).toBeGreaterThan(17);
    expect(glyphs.width).toBeLessThan(23);
    expect(glyphs.distinct).toBe(true);
    expect(errors).toEqual([]);
    await page.emulateMediaType("print");
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    // Four or more A4 pages of 16pt text.
    expect(Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 60_000);

  it("keeps a hostile title as text: no script runs", async () => {
    const input = qingyuanReportInput();
    const corpus = (input.corpus as readonly { id: string; title: string }[]).map((d) => (d.id === "qfb-2017-59" ? { ...d, title: `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>&amp;` } : d));
    const { page, errors, requests } = await open(renderReport({ ...input, corpus }, { format: "html" }));
    expect(await page.title()).not.toBe("pwned");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe(`《<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>&amp;》实施情况和效果评估报告`);
    expect(await page.$$("main script, main img")).toHaveLength(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
