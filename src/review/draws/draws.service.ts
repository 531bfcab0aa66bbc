import type { Db } from '../../platform/db/database.ts';
import type { RedrawRequest } from '../draw/draw.types.ts';

/** What anyone needs to recompute a published draw: its inputs, seed, redraws and the result it claims. */
export interface DrawPackage {
  id: string;
  kind: 'reviewers' | 'groups';
  algorithm: string;
  seedSource: string;
  seed: string;
  inputs: unknown;
  inputsSha256: string;
  redraws: RedrawRequest[];
  result: unknown;
  resultSha256: string;
}

/** STUB (contract) — owner: helper draws. A drawn draw's package (undefined when there is none or it is not drawn yet). */
export async function getDrawPackage(_db: Db, _id: string): Promise<DrawPackage | undefined> {
  throw new Error('getDrawPackage: not built yet');
}
