import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useState } from 'react';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { Languages, useStateName } from './common.tsx';
import { api, ok } from '../../web/api/client.ts';
import type { Entry } from '../../web/api/types.ts';
import { EntryForm, EXPERT_FIELDS } from './EntryForm.tsx';
import { vcardUrl } from './directoryLinks.ts';

/** /directory/experts — the experts' list; contact details only reach registered experts (the server decides). */
export function ExpertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.experts.title'));
  const stateName = useStateName();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/experts', { signal })).then((r) => r.items), []);
  const { user } = useSession();
  const isExpert = user?.roles.includes('expert') ?? false;
  const mine = res.data?.find((e) => e.userId === user?.id);
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }, { label: t('directory.experts.title') }]} />
      <h1>{t('directory.experts.title')}</h1>
      <p>{t('directory.experts.intro')}</p>
      {res.status === 'error' ? <ErrorMessage error={res.error} /> : !res.data ? <Loading /> : (
        <>
          {res.data.some((e) => !e.contactsVisible) && <p className="notice">{t('directory.experts.noContacts')}</p>}
          {res.data.length === 0 ? <p>{t('directory.experts.none')}</p> : (
            <div className="table-scroll">
              <table data-testid="experts">
                <thead><tr><th scope="col">{t('directory.fields.name')}</th><th scope="col">{t('directory.fields.iso3')}</th><th scope="col">{t('directory.fields.expertise')}</th><th scope="col">{t('directory.fields.languages')}</th><th scope="col">{t('directory.authority.contacts')}</th></tr></thead>
                <tbody>
                  {res.data.map((e) => (
                    <tr key={e.id}>
                      <td dir="auto">{String(e.name)}{e.organisation ? <div className="small muted">{String(e.organisation)}</div> : null}</td>
                      <td>{stateName(e.iso3)}</td>
                      <td dir="auto">{((e.expertise as string[]) ?? []).join(', ')}</td>
                      <td><Languages codes={e.languages} /></td>
                      <td>{e.contactsVisible ? <>{e.email ? <a href={`mailto:${String(e.email)}`}>{String(e.email)}</a> : null} <span dir="ltr">{String(e.phone ?? '')}</span> · <a href={vcardUrl('experts', e.id)} download>vCard</a></> : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {isExpert && <MyEntry key={mine?.version ?? 0} mine={mine} onSaved={res.reload} />}
        </>
      )}
    </>
  );
}

/** An expert keeps their own entry (the server ties it to their account and State). */
function MyEntry({ mine, onSaved }: { mine: Entry | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <section data-testid="my-expert-entry">
      <h2>{t('directory.experts.mine')}</h2>
      {saved && <p className="notice notice-success" role="status">{t('directory.experts.saved')}</p>}
      <EntryForm
        mode={mine ? 'edit' : 'create'}
        fields={EXPERT_FIELDS}
        initial={mine ?? {}}
        submitLabel={mine ? t('directory.experts.update') : t('directory.experts.add')}
        onSubmit={async (body) => {
          if (mine) await ok(api.PATCH('/api/v1/directory/experts/{id}', { params: { path: { id: mine.id } }, body: { ...body, expectedVersion: mine.version } as never }));
          else await ok(api.POST('/api/v1/directory/experts', { body: body as never }));
          setSaved(true);
          onSaved();
        }}
      />
    </section>
  );
}
