import HistoryIcon from '@mui/icons-material/History';
import { AuditList } from './AuditList';

/** The audit log: who read or changed what, when. */
export default {
  list: AuditList,
  icon: HistoryIcon,
};
