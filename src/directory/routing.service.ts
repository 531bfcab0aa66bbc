import type { Actor } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/database.ts';
import type { RouteAnswer, RouteQuery } from './routing.types.ts';

/** "Who do I send this to?" — see routing.types.ts. (Scaffold: the directory module implements it.) */
export async function routeRequest(_db: Db, _actor: Actor, _q: RouteQuery): Promise<RouteAnswer> {
  throw new Error('routeRequest is not implemented yet');
}
