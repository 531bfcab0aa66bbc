import { useTranslation } from 'react-i18next';
import type { Access } from './searchParams.ts';
import type { RecordLink } from '../../web/api/types.ts';
import { useStateNames } from './names.ts';

/** The kind of record ("Conference document", "Case"…), as a small coloured label. */
export function TypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge type-badge type-${type}`} data-type={type}>
      {t(`knowledge.types.${type}`, { defaultValue: type })}
    </span>
  );
}

/** Who may see a record: everyone, logged-in practitioners, or one State's people. */
export function AccessBadge({ access, state }: { access: Access; state: string | null }) {
  const { t } = useTranslation();
  const names = useStateNames();
  const text = access === 'state' ? t('knowledge.access.stateOnly', { state: (state && names.get(state)) ?? state ?? '' }) : t(`knowledge.access.${access}`);
  return (
    <span className={`badge access-badge access-${access}`} data-access={access}>
      {text}
    </span>
  );
}

/** Where a link to the Convention comes from (found in the text, or asserted by an editor) and its review. */
export function OriginBadges({ link }: { link: Pick<RecordLink, 'origin' | 'verified' | 'rejected'> }) {
  const { t } = useTranslation();
  return (
    <span className="origin-badges">
      <span className={`badge origin-badge origin-${link.origin}`} data-origin={link.origin} title={t(`knowledge.links.originHelp.${link.origin}`)}>
        {t(`knowledge.links.origin.${link.origin}`)}
      </span>
      {link.verified && (
        <span className="badge origin-badge origin-verified" data-origin="verified">
          <span aria-hidden="true">✓ </span>
          {t('knowledge.links.origin.verified')}
        </span>
      )}
      {link.rejected && (
        <span className="badge origin-badge origin-rejected" data-origin="rejected">
          <span aria-hidden="true">✕ </span>
          {t('knowledge.links.origin.rejected')}
        </span>
      )}
    </span>
  );
}

/** To whom a recommendation is addressed. */
export function AddresseeBadges({ addressees }: { addressees: string[] }) {
  const { t } = useTranslation();
  if (addressees.length === 0) return null;
  return (
    <span className="addressees">
      <span className="visually-hidden">{t('knowledge.rec.addressedTo')}</span>
      {addressees.map((a) => (
        <span key={a} className={`badge addressee-badge addressee-${a}`} data-addressee={a}>
          {t(`knowledge.addressees.${a}`, { defaultValue: a })}
        </span>
      ))}
    </span>
  );
}
