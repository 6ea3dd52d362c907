import PanToolIcon from '@mui/icons-material/PanTool';
import { Button } from 'react-admin';
import { BulkProgressDialog } from './BulkProgressDialog';
import { claimTask } from './taskActions';
import { useBulkRun } from './useBulkRun';

export function BulkClaimButton() {
  const { run, progress } = useBulkRun();
  return (
    <>
      <Button label="resources.tasks.actions.claim" onClick={() => void run(claimTask)}>
        <PanToolIcon />
      </Button>
      <BulkProgressDialog progress={progress} />
    </>
  );
}
