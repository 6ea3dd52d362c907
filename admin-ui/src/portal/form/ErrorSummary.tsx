import { useEffect, useRef } from 'react';
import { useTranslate } from '../../i18n';

export interface SummaryError {
  /** The id of the element to focus (the field's input). */
  target: string | null;
  text: string;
}

/** GOV.UK's error summary: focused when it appears, each error a link to its field. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const t = useTranslate();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) box.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div
      className="error-summary"
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('portal.form.errorSummary')}</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.target ? (
              <a
                href={`#${error.target}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.target!)?.focus();
                }}
              >
                {error.text}
              </a>
            ) : (
              error.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
