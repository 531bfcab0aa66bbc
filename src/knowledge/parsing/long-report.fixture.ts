/**
 * A long report (about 110,000 characters) laid out as extracted from a PDF, with page furniture: 384 numbered
 * paragraphs, 64 recommendations (lettered sub-paragraphs), a footer and a header at every page break. Shared by the
 * parser's test (what it finds) and `npm run bench:compute` (how long it takes).
 */
export const LONG_REPORT_PARAGRAPHS = 384;
export const LONG_REPORT_RECOMMENDATIONS = 64;

export function longReport(): string {
  const lines: string[] = ['United Nations    CTOC/COP/WG.2/2020/4', 'Distr.: General', '1 December 2020', 'Original: English', '', 'Report on the meeting of the Working Group', ''];
  const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  let n = 1;
  let page = 1;
  for (let c = 0; c < 8; c++) {
    lines.push(`${romans[c]!}. ${c === 0 ? 'Recommendations' : `Summary of deliberations, part ${c}`}`);
    for (let s = 0; s < 4; s++) {
      lines.push(`${String.fromCharCode(65 + s)}. Technical assistance needs and good practices, topic ${s + 1}`);
      for (let p = 0; p < 12; p++) {
        lines.push(`${n}. States parties should consider the recommendations made by the Working Group in`);
        lines.push('relation to the implementation of the Convention and its Protocols, including infor-');
        lines.push('mation on good practices, challenges and technical assistance needs of States.');
        if (p % 3 === 0) lines.push('(a) UNODC should continue to assist States upon request;', '(b) The Conference should consider the matter at its next session.');
        n++;
        if (n % 10 === 0) {
          // Footer, page break, header.
          lines.push(`V.20-01234    ${page}/40`, '\fCTOC/COP/WG.2/2020/4', '');
          page++;
        }
      }
    }
  }
  return lines.join('\n');
}
