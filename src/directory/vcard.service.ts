import type { Actor } from '../platform/auth/roles.ts';
import type { Db } from '../platform/db/database.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import { ForbiddenError, NotFoundError } from '../platform/http/errors.ts';
import { canSeeContacts, canSeeExpertContacts } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import type { ContactPerson } from './directory.tables.ts';
import { toVCards } from './vcard.ts';

/** An authority's (or an expert's) contact details as vCards, for those who may see them. */
export async function vcardFor(db: Db, actor: Actor, type: 'authority' | 'expert', id: string): Promise<{ filename: string; text: string }> {
  const row = await repo.find(db, type, id);
  if (!row || row.retired_at) throw new NotFoundError(`No directory ${type} ${id}`);
  if (type === 'expert' ? !canSeeExpertContacts(actor) : !canSeeContacts(actor)) throw new ForbiddenError('Contact details are for logged-in professionals');
  const f = repo.rowFields(row);
  const slug = String(row.iso3 ?? 'network').toLowerCase() + '-' + String(f.name).normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).toLowerCase();
  if (type === 'expert') {
    await audit(db, { actor: auditActor(actor), action: 'directory.expert.vcard', targetType: 'directory_expert', targetId: id });
    const text = toVCards({
      uid: row.id,
      name: String(f.organisation ?? f.name),
      persons: [{ name: String(f.name), title: f.title as string | null, email: f.email as string | null, phone: f.phone as string | null, languages: (f.languages as string[] | null) ?? [] }],
    });
    return { filename: `expert-${slug || row.id}.vcf`, text };
  }
  const text = toVCards({
    uid: row.id,
    name: String(f.name),
    postalAddress: f.postalAddress as string | null,
    phone: f.phone as string | null,
    fax: f.fax as string | null,
    email: f.email as string | null,
    website: f.website as string | null,
    languages: f.languages as string[] | null,
    note: [f.officeHours ? `Office hours: ${String(f.officeHours)}` : null, f.timeZone ? `Time zone: ${String(f.timeZone)}` : null].filter(Boolean).join('; ') || null,
    persons: f.contactPersons as ContactPerson[],
  });
  return { filename: `${slug || row.id}.vcf`, text };
}
