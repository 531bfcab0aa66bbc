import { loadConfig } from '../../platform/config.ts';
import { buildPalermoApp } from '../../app/server.ts';
import type { Db } from '../../platform/db/database.ts';
import { parse } from '../cli-context.ts';

/** Prints the OpenAPI document; needs no database (routes are only registered, never called). */
export async function openapiCommand(args: string[]): Promise<number> {
  parse(args, {});
  const { app } = await buildPalermoApp({ db: null as unknown as Db, config: loadConfig() }, { web: false });
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  return 0;
}
