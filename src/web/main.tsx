import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { initI18n } from './i18n.ts';
import type { UiManifest } from './manifest.ts';
import { SessionProvider } from './session.tsx';
import './styles/base.css';
import './styles/layout.css';
// the components' styles, in this order (later rules win over earlier ones of the same weight)
import './styles/controls.css';
import './styles/messages.css';
import './styles/tables.css';
import './styles/status-badges.css';
import './styles/cards.css';
import './styles/helpers.css';
import './styles/search.css';
import './styles/knowledge-badges.css';
import './styles/record.css';
import './styles/record-sections.css';
import './styles/knowledge-pages.css';

/** Starts the UI with the given modules (src/app/web.tsx, the page's entry point, says which). */
export async function mountUi(modules: readonly UiManifest[]): Promise<void> {
  await initI18n(modules);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <App modules={modules} />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}
