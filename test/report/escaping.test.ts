import { describe, expect, it } from "vitest";
import { evaluate, renderReport, type PolicyDocumentInput } from "../../src/index.js";
import { qingyuanDocuments, qingyuanEvaluation, qingyuanIndicators, qingyuanObservations } from "../../src/examples/index.js";

const HOSTILE_TITLE = '<script>alert("x")</script> & Co. *bold* [link](http://x) `code` | # ~ 《》';

function renderWithTitle(title: string, format: "markdown" | "html" | "text", description = "取消限制二手车迁入政策") {
  const documents = qingyuanDocuments.map((d): PolicyDocumentInput => (d.id === "yfb-2016-66" || d.id === "qfb-2017-59" ? { ...d, title } : d));
  const evaluation = { ...qingyuanEvaluation, measures: [{ ...qingyuanEvaluation.measures![0]!, description }] };
  const context = { corpus: documents, indicators: qingyuanIndicators, observations: qingyuanObservations };
  return renderReport({ ...evaluate({ ...context, evaluation }), ...context }, { format });
}

describe("escaping: data text stays text in every format", () => {
  it("HTML: a title holding <script> or & is shown, never run", () => {
    const html = renderWithTitle(HOSTILE_TITLE, "html", "<img src=x onerror=alert(1)>");
    expect(html.match(/<script/gi)).toBeNull();
    expect(html).not.toContain("<img");
    expect(html).toContain("<h1>《&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co. *bold* [link](http://x) `code` | # ~ 《》》实施情况和效果评估报告</h1>");
    expect(html).toContain("<title>《&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co.");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // Inside the SVG and the kept Mermaid source too.
    expect(html).toContain('<text class="title"');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
    expect(html).toContain("#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt; #amp; Co.");
  });

  it("HTML: an entity in the data stays as written (&amp; shows as &amp;)", () => {
    const html = renderWithTitle("A &amp; B &#60;", "html");
    expect(html).toContain("《A &amp;amp; B &amp;#60;》");
  });

  it("Markdown: emphasis, links, code, HTML and table markers are escaped; Mermaid labels use Mermaid's entities", () => {
    const md = renderWithTitle(HOSTILE_TITLE, "markdown", "*不是强调* _也不是_ <b>");
    expect(md.split("\n")[0]).toBe("# 《\\<script\\>alert(\"x\")\\</script\\> \\& Co. \\*bold\\* \\[link\\](http://x) \\`code\\` \\| \\# \\~ 《》》实施情况和效果评估报告");
    expect(md).toContain("1、\\*不是强调\\* \\_也不是\\_ \\<b\\>。");
    expect(md).toContain('d0["清府办〔2017〕59号<br/>《#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt; #amp; Co. *bold* [link](http://x) #96;code#96; | #35; ~ 《》》<br/>现行有效"]');
  });

  it("line breaks and control characters in data never start a new line or block", () => {
    const title = "第一行\n# 第二行\r\n\t- 第三行\u2028第四行\u0000";
    for (const format of ["markdown", "text", "html"] as const) {
      const report = renderWithTitle(title, format);
      expect(report).not.toMatch(/\n# 第二行/);
      expect(report).not.toMatch(/\n\s*- 第三行/);
      expect(report).not.toContain("\u2028");
      expect(report).not.toContain("\u0000");
    }
    expect(renderWithTitle(title, "text").split("\n")[0]).toBe("《第一行 # 第二行 - 第三行 第四行》实施情况和效果评估报告");
  });
});
