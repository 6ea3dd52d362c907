import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslate } from '../../i18n';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { useFormFill } from '../form/FormFillProvider';

/**
 * `/:tenantId/:serviceId/confirmation/:reference` — the reference number and the tracking link
 * (also mailed). The link's secret is only known right after sending; reloaded later, the page
 * points to the e-mail instead.
 */
export function ConfirmationPage() {
  const t = useTranslate();
  const { tenantId = '', serviceId = '', reference = '' } = useParams();
  const { fill, reset } = useFormFill(tenantId, serviceId);
  const submitted = fill.submitted?.reference === reference ? fill.submitted : null;
  useDocumentTitle(t('portal.confirmation.title'));

  // Keep only the answer: the entered data (and files) are no longer needed in the browser.
  useEffect(() => {
    if (submitted && Object.keys(fill.data).length) {
      fill.data = {};
      fill.files = new Map();
    }
  }, [submitted, fill]);

  const trackingPath = submitted?.trackingUrl
    ? new URL(submitted.trackingUrl).pathname + new URL(submitted.trackingUrl).hash
    : null;

  return (
    <>
      <div className="confirmation-panel">
        <h1>{t('portal.confirmation.title')}</h1>
        <p>
          {t('portal.confirmation.reference')}
          <br />
          <strong className="reference" data-testid="reference">
            {reference}
          </strong>
        </p>
      </div>
      <h2>{t('portal.confirmation.nextTitle')}</h2>
      <p>{t('portal.confirmation.mailed')}</p>
      {trackingPath ? (
        <p>
          <a href={trackingPath}>{t('portal.confirmation.track')}</a>
        </p>
      ) : (
        <p>{t('portal.confirmation.trackByMail')}</p>
      )}
      <p>
        <Link to={`/${tenantId}`} onClick={reset}>
          {t('portal.confirmation.another')}
        </Link>
      </p>
    </>
  );
}
