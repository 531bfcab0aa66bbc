import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_TYPES_FILE } from './generate-types.ts';

describe('the generated browser client', () => {
  it('generated/api-schema.d.ts is what openapi-typescript makes of docs/openapi.json (run "npm run api:types" after "npm run openapi")', async () => {
    const generated = await generateApiTypes();
    expect(fs.readFileSync(SCHEMA_TYPES_FILE, 'utf8') === generated, 'generated/api-schema.d.ts is stale').toBe(true);
  }, 60_000);
});
