import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { LazyProcessDesigner } from './LazyProcessDesigner';
import { ProcessList } from './ProcessList';
import { ProcessShow } from './ProcessShow';

/**
 * Processes: the library per service (list, show with its versions) and the designer, which
 * is the resource's edit page (`/admin/processes/<service id>`).
 */
export default {
  list: ProcessList,
  show: ProcessShow,
  edit: LazyProcessDesigner,
  icon: AccountTreeIcon,
  recordRepresentation: 'id',
};
