import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

/** Cases: list with filters and status chips; the case page with timeline and diagram. */
export default {
  list: CaseList,
  show: CaseShow,
  icon: FolderOpenIcon,
  recordRepresentation: 'reference',
};
