import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../config.ts';
import { palermo } from '../../../test/support/cli.ts';

describe('the OpenAPI document', () => {
  it('docs/openapi.json is the document the code generates (run "npm run openapi" after changing the API)', () => {
    const generated = palermo(['openapi'], {});
    expect(generated.status).toBe(0);
    const checkedIn = fs.readFileSync(path.join(ROOT_DIR, 'docs/openapi.json'), 'utf8');
    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(generated.stdout));
  });

  it('documents every operation with a summary and a tag', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'docs/openapi.json'), 'utf8'));
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${p}`).toBeTruthy();
        expect(op.tags?.length, `${method} ${p}`).toBeGreaterThan(0);
      }
    }
  });
});
