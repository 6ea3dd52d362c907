import StorefrontIcon from '@mui/icons-material/Storefront';
import { AdoptionCreate, AdoptionEdit } from './AdoptionEdit';
import { AdoptionList } from './AdoptionList';

/** Service adoptions: a catalog service enabled for a tenant with its fee, group and texts. */
export default {
  list: AdoptionList,
  edit: AdoptionEdit,
  create: AdoptionCreate,
  icon: StorefrontIcon,
  recordRepresentation: 'serviceId',
};
