import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider } from '../i18n';
import { PortalApp } from './PortalApp';
import '../layout/accessibility.css';
import './portal.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <I18nProvider>
        <PortalApp />
      </I18nProvider>
    </BrowserRouter>
  </StrictMode>,
);
