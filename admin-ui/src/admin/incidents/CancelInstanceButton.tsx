import CancelIcon from '@mui/icons-material/Cancel';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Confirm } from 'react-admin';
import { useT } from '../i18n/useT';
import { cancelInstance } from './operations';
import { useOperation } from './useOperation';

/** Cancels a running process instance after a confirmation. */
export function CancelInstanceButton({
  instanceKey,
  onDone,
}: {
  instanceKey: string;
  onDone?: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { busy, run } = useOperation(() => cancelInstance(instanceKey), 'ops.cancelled', onDone);
  const cancel = async () => {
    setOpen(false);
    await run();
  };
  return (
    <>
      <Button
        size="small"
        color="error"
        variant="outlined"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        disabled={busy}
        startIcon={busy ? <CircularProgress size={16} /> : <CancelIcon />}
      >
        {t('ops.cancel')}
      </Button>
      <Confirm
        isOpen={open}
        title={t('ops.cancelTitle')}
        content={t('ops.cancelText', { key: instanceKey })}
        onConfirm={() => void cancel()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
