import { DateField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { useT } from '../i18n/useT';

/** One e-mail with its text body (the HTML body is never rendered here). */
export function MailShow() {
  const t = useT();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="to" label={t('resources.mail-outbox.fields.to')} />
        <TextField source="subject" label={t('resources.mail-outbox.fields.subject')} />
        <TextField source="status" label={t('resources.mail-outbox.fields.status')} />
        <DateField
          source="createdAt"
          label={t('resources.mail-outbox.fields.createdAt')}
          showTime
        />
        <DateField
          source="sentAt"
          label={t('resources.mail-outbox.fields.sentAt')}
          showTime
          emptyText="—"
        />
        <TextField
          source="lastError"
          label={t('resources.mail-outbox.fields.lastError')}
          emptyText="—"
        />
        <Labeled label={t('resources.mail-outbox.fields.text')}>
          <TextField source="text" component="pre" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
