import { Create, Edit } from 'react-admin';
import { AdoptionForm } from './AdoptionForm';

export function AdoptionEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <AdoptionForm />
    </Edit>
  );
}

export function AdoptionCreate() {
  return (
    <Create redirect="list">
      <AdoptionForm create />
    </Create>
  );
}
