import { useState } from 'react';
import { useLocaleState, useTranslate } from '../../i18n';
import { downloadDocument, type CitizenCase } from './citizenApi';

const KINDS = ['decision', 'certificate', 'invoice', 'upload'] as const;

/** The case's documents, each a download button (the file needs the case's key). */
export function CaseDocuments({ view, token }: { view: CitizenCase; token: string }) {
  const t = useTranslate();
  const [locale] = useLocaleState();
  const [error, setError] = useState<string>();
  if (!view.documents.length) return <p>{t('portal.tracking.documents.none')}</p>;

  const kindLabel = (kind: string) =>
    KINDS.includes(kind as (typeof KINDS)[number])
      ? t(`portal.tracking.documents.kind.${kind as (typeof KINDS)[number]}`)
      : kind;

  return (
    <>
      <ul className="case-documents">
        {view.documents.map((document) => (
          <li key={document.id}>
            <button
              type="button"
              className="case-link-button"
              onClick={() =>
                void downloadDocument(view.reference, document, token, locale).then(
                  () => setError(undefined),
                  () => setError(t('portal.tracking.documents.failed')),
                )
              }
            >
              {t('portal.tracking.documents.download', {
                kind: kindLabel(document.kind),
                name: document.name,
              })}
            </button>{' '}
            <span className="case-hint">
              ({new Date(document.createdAt).toLocaleDateString(locale)},{' '}
              {Math.max(1, Math.round(document.sizeBytes / 1024))} KB)
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="case-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
