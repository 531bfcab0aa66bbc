import type { Generated } from 'kysely';

/** The table the daily refresh keeps (migrations/0021_case_overdue_notices.sql). */
export interface CasesOverdueNoticesTable {
  case_id: string;
  step: string;
  /** A progress query's seq; 0 for the other steps. */
  seq: Generated<number>;
  due_at: Date;
  notified_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    cases_overdue_notices: CasesOverdueNoticesTable;
  }
}
