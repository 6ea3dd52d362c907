import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useTranslate } from '../i18n';
import { ConfirmationPage } from './confirmation/ConfirmationPage';
import { DraftResumePage } from './form/DraftResumePage';
import { NotFoundPage } from './NotFoundPage';
import { ServicePage } from './services/ServicePage';
import { ServicesPage } from './services/ServicesPage';
import { StartPage } from './start/StartPage';

// The form and the review step are their own chunks, with form-js (the largest library): the
// start and service pages, where every visitor lands, load without it. Tracking and "my cases"
// are their own chunks too: most visitors come to apply, not to track.
const FormPage = lazy(() => import('./form/FormPage').then((m) => ({ default: m.FormPage })));
const ReviewPage = lazy(() =>
  import('./review/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const TrackingPage = lazy(() =>
  import('./tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })),
);
const MyCasesPage = lazy(() =>
  import('./mycases/MyCasesPage').then((m) => ({ default: m.MyCasesPage })),
);

/**
 * The portal's URLs. Fixed segments (`track`, `my-cases`, `drafts`) rank above the
 * municipality parameter in react-router, so no tenant id can shadow them.
 */
export function PortalRoutes() {
  const t = useTranslate();
  return (
    <Suspense fallback={<p role="status">{t('portal.common.loading')}</p>}>
      <Routes>
        <Route index element={<StartPage />} />
        <Route path="track/:reference" element={<TrackingPage />} />
        <Route path="my-cases/*" element={<MyCasesPage />} />
        <Route path="drafts/resume" element={<DraftResumePage />} />
        <Route path=":tenantId" element={<ServicesPage />} />
        <Route path=":tenantId/:serviceId" element={<ServicePage />} />
        <Route path=":tenantId/:serviceId/form" element={<FormPage />} />
        <Route path=":tenantId/:serviceId/review" element={<ReviewPage />} />
        <Route path=":tenantId/:serviceId/confirmation/:reference" element={<ConfirmationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
