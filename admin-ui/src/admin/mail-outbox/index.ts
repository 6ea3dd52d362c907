import MailIcon from '@mui/icons-material/Mail';
import { MailList } from './MailList';
import { MailShow } from './MailShow';

/** The outbox of e-mails to citizens: queued, sent, failed. */
export default {
  list: MailList,
  show: MailShow,
  icon: MailIcon,
};
