import { useTranslate } from '../i18n';
import type { ApiProblem } from './api/portalApi';

/** What a page says when the server could not answer or knows nothing of the address. */
export function LoadFailed({ problem }: { problem: ApiProblem }) {
  const t = useTranslate();
  const text =
    problem.status === 404
      ? t('portal.common.notFound')
      : problem.status === 0
        ? t('portal.status.unavailable')
        : problem.title;
  return (
    <p className="notice" role="alert">
      {text}
    </p>
  );
}
