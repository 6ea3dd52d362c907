import { Alert, Box, Typography } from '@mui/material';
import { Login, LoginForm } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/useT';
import { LanguageMenu } from '../layout/LanguageMenu';
import { OidcLoginButton } from './OidcLoginButton';

/** Password sign-in, and OIDC when configured; `?error=oidc` after a failed OIDC sign-in. */
export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography component="h1" variant="h6">
          {t('shell.login.title')}
        </Typography>
      </Box>
      {params.get('error') === 'oidc' && (
        <Alert severity="error" sx={{ mx: 2, mt: 1 }}>
          {t('shell.login.oidcFailed')}
        </Alert>
      )}
      <LoginForm />
      <OidcLoginButton />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LanguageMenu />
      </Box>
    </Login>
  );
}
