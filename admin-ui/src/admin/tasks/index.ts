import InboxIcon from '@mui/icons-material/Inbox';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

/** The task inbox (Pendenzen) and the task page. */
export default {
  list: TaskList,
  show: TaskShow,
  icon: InboxIcon,
  recordRepresentation: 'name',
};
