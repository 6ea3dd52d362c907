import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AdminApp } from './AdminApp';
import '../layout/accessibility.css';
import './admin.css';

const container = document.getElementById('root');
if (!container) throw new Error('admin/index.html has no #root element');

// The server sends a failed OIDC sign-in to /admin/#/login?error=oidc (hash routes); the back
// office routes by path, so that address becomes /admin/login?error=oidc.
if (window.location.hash.startsWith('#/')) {
  window.history.replaceState(null, '', `/admin/${window.location.hash.slice(2)}`);
}

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        {/* react-admin's routes are relative: it lives below /admin (and knows, by basename). */}
        <Route path="/admin/*" element={<AdminApp />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
