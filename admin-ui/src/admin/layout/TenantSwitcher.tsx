import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRedirect, useRefresh } from 'react-admin';
import { currentTenant } from '../api/session';
import { useSession } from '../api/useSession';
import { switchTenant } from '../authProvider';
import { useT } from '../i18n/useT';

/**
 * The tenant a staff member works in, for staff of several tenants (POST /api/auth/tenant).
 * Switching reloads every list and the permissions (roles differ per tenant) and goes home.
 */
export function TenantSwitcher() {
  const t = useT();
  const session = useSession();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!session || session.tenants.length < 2) return null;
  const current = currentTenant(session);

  const change = async (tenantId: string) => {
    setBusy(true);
    try {
      const next = await switchTenant(tenantId);
      refresh();
      redirect(() => '/'); // (a string would skip the /admin basename)
      notify(t('shell.tenant.switched', { tenant: currentTenant(next)?.name ?? tenantId }), {
        type: 'info',
      });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <TextField
      select
      size="small"
      id="tenant-switcher"
      label={t('shell.tenant.label')}
      value={current?.id ?? ''}
      disabled={busy}
      onChange={(event) => void change(event.target.value)}
      sx={{
        width: 220,
        flex: 'none',
        mx: 1,
        '& .MuiInputBase-root': { color: 'inherit', bgcolor: 'rgba(255,255,255,0.12)' },
        '& .MuiInputLabel-root, & .MuiSvgIcon-root': { color: 'inherit' },
        '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.7)' },
      }}
    >
      {session.tenants.map((tenant) => (
        <MenuItem key={tenant.id} value={tenant.id}>
          {tenant.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
