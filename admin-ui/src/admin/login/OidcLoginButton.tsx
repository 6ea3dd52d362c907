import { Button, CardActions, Divider, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { loginProviders, type LoginProviders } from '../authProvider';
import { useT } from '../i18n/useT';

/** "Sign in with your organisation account", when the server has OIDC configured. */
export function OidcLoginButton() {
  const t = useT();
  const [providers, setProviders] = useState<LoginProviders>();
  useEffect(() => {
    loginProviders()
      .then(setProviders)
      .catch(() => setProviders(undefined));
  }, []);
  if (!providers?.oidc) return null;
  const href = `${providers.oidc.loginUrl}?${new URLSearchParams({ returnTo: '/admin/' })}`;
  return (
    <>
      <Divider sx={{ mx: 2 }}>
        <Typography variant="body2">{t('shell.login.or')}</Typography>
      </Divider>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="outlined" fullWidth href={href}>
          {t('shell.login.oidc')}
        </Button>
      </CardActions>
    </>
  );
}
