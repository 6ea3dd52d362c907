import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n';
import { AdminApp } from './AdminApp';
import '../layout/accessibility.css';
import './admin.css';

const container = document.getElementById('root');
if (!container) throw new Error('admin/index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <AdminApp />
    </I18nProvider>
  </StrictMode>,
);
