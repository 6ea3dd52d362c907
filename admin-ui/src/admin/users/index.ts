import PeopleIcon from '@mui/icons-material/People';
import { UserCreate, UserEdit } from './UserEdit';
import { UserList } from './UserList';

/** Staff users with their roles and groups per tenant. */
export default {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'displayName',
};
