import { Card, CardContent, Typography } from '@mui/material';
import { Title, useResourceContext, useTranslate } from 'react-admin';
import { useT } from '../i18n/useT';

/** The page of a resource whose screens are not built yet: its name and "under construction". */
export function PlaceholderList() {
  const t = useT();
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const title = translate(`resources.${resource}.name`, { smart_count: 2 });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {title}
        </Typography>
        <Typography>{t('shell.placeholder.text')}</Typography>
      </CardContent>
    </Card>
  );
}
