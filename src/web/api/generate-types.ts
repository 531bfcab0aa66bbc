/**
 * Node only (never imported by the UI): the browser client's types from docs/openapi.json, exactly as
 * `npm run api:types` (the openapi-typescript command) writes them to generated/api-schema.d.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { ROOT_DIR } from '../../platform/config.ts';

export const SCHEMA_TYPES_FILE = path.join(ROOT_DIR, 'generated/api-schema.d.ts');

export async function generateApiTypes(openapiFile = path.join(ROOT_DIR, 'docs/openapi.json')): Promise<string> {
  const doc = JSON.parse(fs.readFileSync(openapiFile, 'utf8')) as Parameters<typeof openapiTS>[0];
  return COMMENT_HEADER + astToString(await openapiTS(doc));
}
