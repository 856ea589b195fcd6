/**
 * The running footer of every printed page: the round, the start of the digest, and the page
 * number. A signed sheet is several loose pages; with the digest on each, a page cannot be
 * swapped for one from another printout unnoticed. CSS page-margin boxes take only literal
 * strings and counters, so the footer is written as a style sheet for this export.
 */
export interface FooterTexts {
  /** Left: e.g. "县安监局… · 摘要 b6d70106 c45c6149". */
  left: string;
  /** With {n} for this page and {m} for the page count, e.g. "第 {n} 页 / 共 {m} 页". */
  page: string;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ")}"`;
}

function counters(template: string): string {
  return template
    .split(/(\{[nm]\})/)
    .filter((part) => part !== "")
    .map((part) => {
      if (part === "{n}") return "counter(page)";
      if (part === "{m}") return "counter(pages)";
      return cssString(part);
    })
    .join(" ");
}

export function pageFooterCss(texts: FooterTexts): string {
  return `@page {
  @bottom-left { content: ${cssString(texts.left)}; font-size: 8pt; color: #444; }
  @bottom-right { content: ${counters(texts.page)}; font-size: 8pt; color: #444; }
}`;
}

/** Puts the footer style in the document head, replacing the one before; returns a remover. */
export function installPageFooter(texts: FooterTexts): () => void {
  const style = document.createElement("style");
  style.dataset.pageFooter = "";
  style.textContent = pageFooterCss(texts);
  document.head.append(style);
  return () => style.remove();
}
