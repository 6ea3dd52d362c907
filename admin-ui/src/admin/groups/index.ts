import GroupsIcon from '@mui/icons-material/Groups';
import { GroupCreate, GroupEdit } from './GroupEdit';
import { GroupList } from './GroupList';

/** Groups of staff per tenant (the candidate groups of user tasks). */
export default {
  list: GroupList,
  edit: GroupEdit,
  create: GroupCreate,
  icon: GroupsIcon,
  recordRepresentation: 'name',
};
