import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { createUser, hasAnyUser, type StateExists } from './accounts.service.ts';
import type { Role } from './roles.ts';

/**
 * Demo mode: on a database with no users, one clearly labelled account per role, with passwords made
 * up for this installation. They are printed once and kept (mode 600) in <dataDir>/demo-accounts.txt.
 */
export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; state: string | null; roles: Role[] }> = [
  { username: 'demo-officer-fra', displayName: '[DEMO] Central-authority officer, France', state: 'FRA', roles: ['officer', 'practitioner'] },
  { username: 'demo-officer-chn', displayName: '[DEMO] Central-authority officer, China', state: 'CHN', roles: ['officer', 'practitioner'] },
  { username: 'demo-practitioner', displayName: '[DEMO] Prosecutor, Nigeria', state: 'NGA', roles: ['practitioner'] },
  { username: 'demo-focal-point', displayName: '[DEMO] Focal point, Mexico', state: 'MEX', roles: ['focal_point', 'practitioner'] },
  { username: 'demo-expert', displayName: '[DEMO] Governmental expert, Egypt', state: 'EGY', roles: ['expert', 'practitioner'] },
  // The demo review (src/review/seed/demo-review.ts): Mexico reviewed by the States its fixed-seed draw gives.
  { username: 'demo-reviewer-slv', displayName: '[DEMO] Review focal point, El Salvador', state: 'SLV', roles: ['focal_point'] },
  { username: 'demo-reviewer-mlt', displayName: '[DEMO] Review focal point, Malta', state: 'MLT', roles: ['focal_point'] },
  { username: 'demo-reviewer-kna', displayName: '[DEMO] Review focal point, Saint Kitts and Nevis', state: 'KNA', roles: ['focal_point'] },
  { username: 'demo-observer-mex', displayName: '[DEMO] Observer, Permanent Mission of Mexico', state: 'MEX', roles: ['expert'] },
  { username: 'demo-secretariat', displayName: '[DEMO] Secretariat (UNODC)', state: null, roles: ['secretariat'] },
  { username: 'demo-admin', displayName: '[DEMO] Platform administrator', state: null, roles: ['admin'] },
];

export interface DemoCredential {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  state: string | null;
}

/** Creates the demo accounts when there are no users at all; returns them, or [] when users exist. */
export async function ensureDemoAccounts(db: Db, stateExists: StateExists): Promise<DemoCredential[]> {
  if (await hasAnyUser(db)) return [];
  const created: DemoCredential[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = `demo-${crypto.randomBytes(9).toString('base64url')}`;
    await createUser(db, { ...a, password, demo: true }, { kind: 'anonymous' }, stateExists);
    created.push({ ...a, password });
  }
  return created;
}

export function demoFile(dataDir: string): string {
  return path.join(dataDir, 'demo-accounts.txt');
}

export function formatDemoAccounts(list: DemoCredential[]): string {
  const width = Math.max(...list.map((a) => a.username.length));
  return list.map((a) => `  ${a.username.padEnd(width)}  ${a.password}   ${a.displayName}`).join('\n');
}

export function saveDemoAccounts(dataDir: string, list: DemoCredential[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    demoFile(dataDir),
    `DEMO ACCOUNTS — for trying Palermo out; not for real cases.\nuser name, password, who\n${formatDemoAccounts(list)}\n`,
    { mode: 0o600 },
  );
}
