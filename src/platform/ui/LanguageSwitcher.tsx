import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isLang, LANGUAGES, setLanguage, useLang } from '../../web/i18n.ts';

/** The six UN languages, each in its own name; the choice is saved and sets <html lang dir>. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value;
    if (!isLang(next)) return;
    void setLanguage(next);
    // a ?lang= in the address chose the language on arrival; drop it so a reload keeps the new choice
    if (params.has('lang')) {
      const p = new URLSearchParams(params);
      p.delete('lang');
      setParams(p, { replace: true });
    }
  };

  return (
    <div className="lang-switch">
      <label htmlFor="language-select">{t('layout.language')}</label>
      <select id="language-select" value={lang} onChange={onChange}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
