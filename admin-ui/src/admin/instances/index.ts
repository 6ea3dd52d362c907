import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { InstanceList } from './InstanceList';
import { InstanceShow } from './InstanceShow';

/** Running process instances per process, with tokens and the per-element heatmap. */
export default {
  list: InstanceList,
  show: InstanceShow,
  icon: AccountTreeIcon,
};
