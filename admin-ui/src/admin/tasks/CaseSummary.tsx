import { Alert, Link, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState } from 'react-admin';
import { apiFetch } from '../api/apiFetch';
import { CaseDocuments } from '../cases/CaseDocuments';
import { CaseRequests } from '../cases/CaseRequests';
import { CaseStatusChip } from '../cases/CaseStatusChip';
import { localized, type CaseView } from '../cases/caseTypes';
import { useT } from '../i18n/useT';

type StaffCase = Pick<
  CaseView,
  'id' | 'reference' | 'status' | 'service' | 'applicant' | 'documents' | 'tasks'
>;

/**
 * The case the task belongs to: reference, service, status, applicant, the requests to the
 * applicant with their state, and its documents (preview and download).
 */
export function CaseSummary({ caseId }: { caseId: string }) {
  const t = useT();
  const [locale] = useLocaleState();
  const [found, setFound] = useState<StaffCase | null>();
  useEffect(() => {
    apiFetch<StaffCase>(`/api/cases/${encodeURIComponent(caseId)}`)
      .then(({ json }) => setFound(json))
      .catch(() => setFound(null));
  }, [caseId]);
  if (found === undefined) return null;
  if (found === null) return <Alert severity="info">{t('resources.tasks.noCase')}</Alert>;
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography>
          <Link href={`/admin/cases/${found.id}/show`}>{found.reference}</Link> ·{' '}
          {localized(found.service.title, locale)}
        </Typography>
        <CaseStatusChip status={found.status} />
      </Stack>
      <Typography>
        {found.applicant.name}
        {found.applicant.email ? ` <${found.applicant.email}>` : ''}
      </Typography>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 1 }}>
        {t('resources.tasks.requests')}
      </Typography>
      <CaseRequests tasks={found.tasks} />
      <Typography component="h3" variant="subtitle1" sx={{ mt: 1 }}>
        {t('resources.tasks.documents')}
      </Typography>
      <CaseDocuments caseId={found.id} documents={found.documents} />
    </>
  );
}
