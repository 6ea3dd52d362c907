import DownloadIcon from '@mui/icons-material/Download';
import PreviewIcon from '@mui/icons-material/Preview';
import { Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState } from 'react-admin';
import { useT } from '../i18n/useT';
import { DOCUMENT_KINDS, type CaseDocument } from './caseTypes';

const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg))$/;

/** GET /api/cases/{case}/documents/{id}: a download, or (`inline`) the preview of a PDF or image. */
export function documentUrl(caseId: string, documentId: string, inline = false): string {
  const path = `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`;
  return inline ? `${path}?disposition=inline` : path;
}

/**
 * A case's documents, each with a download link and, for PDFs and images, an inline preview
 * (an iframe for PDFs, an img for images; the server sends them sandboxed and `nosniff`).
 */
export function CaseDocuments({
  caseId,
  documents,
}: {
  caseId: string;
  documents: CaseDocument[];
}) {
  const t = useT();
  const [locale] = useLocaleState();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const previewed = documents.find((document) => document.id === previewId);
  if (!documents.length)
    return <Typography variant="body2">{t('resources.tasks.noDocuments')}</Typography>;
  return (
    <>
      <List dense aria-label={t('resources.cases.sections.documents')}>
        {documents.map((document) => {
          const kind = (DOCUMENT_KINDS as readonly string[]).includes(document.kind)
            ? t(`resources.cases.documentKinds.${document.kind as (typeof DOCUMENT_KINDS)[number]}`)
            : document.kind;
          const shown = previewId === document.id;
          return (
            <ListItem key={document.id} divider disableGutters>
              <Stack
                direction="row"
                spacing={1}
                sx={{ width: '100%', alignItems: 'center', flexWrap: 'wrap' }}
              >
                <ListItemText
                  sx={{ flex: '1 1 12rem' }}
                  primary={document.name}
                  secondary={`${kind} · ${Math.ceil(document.sizeBytes / 1024).toLocaleString(locale)} KB · ${new Date(document.createdAt).toLocaleString(locale)}`}
                />
                {PREVIEWABLE.test(document.mediaType) && (
                  <Button
                    size="small"
                    startIcon={<PreviewIcon />}
                    aria-pressed={shown}
                    aria-label={t('resources.cases.documents.previewOf', { name: document.name })}
                    onClick={() => setPreviewId(shown ? null : document.id)}
                  >
                    {shown
                      ? t('resources.cases.documents.hidePreview')
                      : t('resources.cases.documents.preview')}
                  </Button>
                )}
                <Button
                  size="small"
                  startIcon={<DownloadIcon />}
                  href={documentUrl(caseId, document.id)}
                  download={document.name}
                  aria-label={t('resources.cases.documents.downloadOf', { name: document.name })}
                >
                  {t('resources.cases.documents.download')}
                </Button>
              </Stack>
            </ListItem>
          );
        })}
      </List>
      {previewed && <DocumentPreview caseId={caseId} document={previewed} />}
    </>
  );
}

function DocumentPreview({ caseId, document }: { caseId: string; document: CaseDocument }) {
  const t = useT();
  const label = t('resources.cases.documents.previewOf', { name: document.name });
  const src = documentUrl(caseId, document.id, true);
  const frame = { width: '100%', border: 1, borderColor: 'divider', mt: 1 } as const;
  if (document.mediaType === 'application/pdf')
    return <Box component="iframe" title={label} src={src} sx={{ ...frame, height: 480 }} />;
  return (
    <Box
      component="img"
      alt={label}
      src={src}
      sx={{ ...frame, maxHeight: 480, objectFit: 'contain' }}
    />
  );
}
