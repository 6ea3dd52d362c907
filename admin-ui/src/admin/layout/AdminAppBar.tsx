import { Box, Typography } from '@mui/material';
import { AppBar, LoadingIndicator, TitlePortal } from 'react-admin';
import { useT } from '../i18n/useT';
import { LanguageMenu } from './LanguageMenu';
import { TenantSwitcher } from './TenantSwitcher';

/** Brand and page title, then the tenant switcher, the language switch and the user menu. */
export function AdminAppBar() {
  const t = useT();
  return (
    <AppBar
      toolbar={
        <>
          <TenantSwitcher />
          <LanguageMenu />
          <LoadingIndicator />
        </>
      }
    >
      <Typography component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        {t('shell.brand')}
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
    </AppBar>
  );
}
