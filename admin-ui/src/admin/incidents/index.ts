import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { IncidentList } from './IncidentList';

/** Incidents: retry and cancel (operators: admin or designer). */
export default {
  list: IncidentList,
  icon: ReportProblemIcon,
};
