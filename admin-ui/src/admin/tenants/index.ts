import ApartmentIcon from '@mui/icons-material/Apartment';
import { TenantList } from './TenantList';

/** Tenants: the canton and its municipalities. */
export default {
  list: TenantList,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
