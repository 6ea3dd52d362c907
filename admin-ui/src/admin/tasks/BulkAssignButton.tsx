import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useState } from 'react';
import { Button } from 'react-admin';
import { AssignDialog } from './AssignDialog';
import { BulkProgressDialog } from './BulkProgressDialog';
import { assignTask } from './taskActions';
import { useBulkRun } from './useBulkRun';

export function BulkAssignButton() {
  const { run, progress, selectedIds } = useBulkRun();
  const [open, setOpen] = useState(false);
  const first = selectedIds[0] === undefined ? undefined : String(selectedIds[0]);
  return (
    <>
      <Button label="resources.tasks.actions.assign" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <AssignDialog
        taskId={first}
        open={open}
        onClose={() => setOpen(false)}
        onAssign={(username) => {
          setOpen(false);
          void run((id) => assignTask(id, username));
        }}
      />
      <BulkProgressDialog progress={progress} />
    </>
  );
}
