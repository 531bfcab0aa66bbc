import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { useStateName } from './common.tsx';
import { AUTHORITY_FIELDS, EntryForm, MEASURE_FIELDS, NOTIFICATION_FIELDS } from './EntryForm.tsx';

/** Focal points (own State) and the secretariat (all) keep entries here; the server checks who may. */

function Frame({ title, iso3, children }: { title: string; iso3: string | null; children: React.ReactNode }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/directory', label: t('directory.nav') }, ...(iso3 ? [{ to: `/directory/states/${iso3}`, label: stateName(iso3) }] : []), { label: title }]} />
      <h1 dir="auto">{title}</h1>
      {children}
    </>
  );
}

export function NewAuthorityPage() {
  const { t } = useTranslation();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const stateName = useStateName();
  return (
    <Frame title={t('directory.form.newTitle', { state: stateName(iso3) })} iso3={iso3}>
      <EntryForm
        mode="create"
        fields={AUTHORITY_FIELDS}
        initial={{ category: params.get('category') ?? 'competent-authority', subtype: 'other' }}
        onSubmit={async (body) => {
          const created = await ok(api.POST('/api/v1/directory/authorities', { body: { ...body, iso3 } as never }));
          navigate(`/directory/authorities/${created.id}`);
        }}
        onCancel={() => navigate(`/directory/states/${iso3}`)}
      />
    </Frame>
  );
}

export function EditAuthorityPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/authorities/{id}', { params: { path: { id } }, signal })), [id]);
  if (res.status === 'error') return <ErrorMessage error={res.error} />;
  if (!res.data) return <Loading />;
  const a = res.data;
  return (
    <Frame title={t('directory.form.editTitle', { name: String(a.name) })} iso3={a.iso3}>
      <EntryForm
        mode="edit"
        fields={AUTHORITY_FIELDS}
        initial={a}
        onSubmit={async (body) => {
          await ok(api.PATCH('/api/v1/directory/authorities/{id}', { params: { path: { id } }, body: { ...body, expectedVersion: a.version } as never }));
          navigate(`/directory/authorities/${id}`);
        }}
        onCancel={() => navigate(`/directory/authorities/${id}`)}
      />
    </Frame>
  );
}

export function EditMeasurePage() {
  const { t } = useTranslation();
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const measure = useParams().measure ?? '';
  const navigate = useNavigate();
  const stateName = useStateName();
  const res = useApi((signal) => ok(api.GET('/api/v1/directory/states/{iso3}', { params: { path: { iso3 } }, signal })), [iso3]);
  if (res.status === 'error') return <ErrorMessage error={res.error} />;
  if (!res.data) return <Loading />;
  const current = res.data.measures.find((m) => m.measure === measure);
  return (
    <Frame title={`${t(`directory.measures.${measure}`)} — ${stateName(iso3)}`} iso3={iso3}>
      <EntryForm
        mode={current ? 'edit' : 'create'}
        fields={MEASURE_FIELDS}
        initial={current ?? {}}
        onSubmit={async (body) => {
          await ok(api.PUT('/api/v1/directory/states/{iso3}/measures/{measure}', { params: { path: { iso3, measure: measure as never } }, body: (current ? { ...body, expectedVersion: current.version } : body) as never }));
          navigate(`/directory/states/${iso3}`);
        }}
        onCancel={() => navigate(`/directory/states/${iso3}`)}
      />
    </Frame>
  );
}

export function NotificationFormPage() {
  const { t } = useTranslation();
  const { iso3: iso3Param, id } = useParams();
  const navigate = useNavigate();
  const stateName = useStateName();
  const existing = useApi(async (signal) => {
    if (!id) return null;
    // No single-notification read: the public list is small and already filtered to current entries.
    const all = (await ok(api.GET('/api/v1/directory/notifications', { signal }))).items;
    return all.find((n) => n.id === id) ?? null;
  }, [id]);
  if (id && !existing.data) return existing.status === 'error' ? <ErrorMessage error={existing.error} /> : <Loading />;
  const n = existing.data;
  const iso3 = (iso3Param ?? String(n?.iso3 ?? '')).toUpperCase();
  return (
    <Frame title={n ? t('directory.form.editTitle', { name: t(`directory.notificationTypes.${String(n.type)}`) }) : t('directory.state.addNotification')} iso3={iso3}>
      <p>{stateName(iso3)}</p>
      <EntryForm
        mode={n ? 'edit' : 'create'}
        fields={NOTIFICATION_FIELDS}
        initial={n ?? { type: 'art18-14' }}
        onSubmit={async (body) => {
          if (n) await ok(api.PATCH('/api/v1/directory/notifications/{id}', { params: { path: { id: String(n.id) } }, body: { ...body, expectedVersion: n.version } as never }));
          else await ok(api.POST('/api/v1/directory/notifications', { body: { ...body, iso3 } as never }));
          navigate(`/directory/states/${iso3}`);
        }}
        onCancel={() => navigate(`/directory/states/${iso3}`)}
      />
    </Frame>
  );
}
