import { describe, expect, it } from 'vitest';
import { parseUnDocument } from './index.ts';
import { LONG_REPORT_PARAGRAPHS, LONG_REPORT_RECOMMENDATIONS, longReport } from './long-report.fixture.ts';

// How fast: `npm run bench:compute` (docs/PERFORMANCE.md), not a timed test.
describe('a long document', () => {
  it('a 100,000-character report extracted from a PDF: every paragraph and recommendation, no page furniture', () => {
    const text = longReport();
    expect(text.length).toBeGreaterThan(100_000);
    const doc = parseUnDocument(text);
    expect(doc.paragraphs).toHaveLength(LONG_REPORT_PARAGRAPHS);
    expect(doc.recommendations).toHaveLength(LONG_REPORT_RECOMMENDATIONS);
    expect(JSON.stringify(doc.paragraphs)).not.toMatch(/V\.20-01234|\d+\/40/);
  });
});
