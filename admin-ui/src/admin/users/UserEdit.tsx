import { Create, Edit } from 'react-admin';
import { UserForm } from './UserForm';

export function UserEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      transform={(data: Record<string, unknown>) => withoutEmptyPassword(data)}
    >
      <UserForm />
    </Edit>
  );
}

export function UserCreate() {
  return (
    <Create
      redirect="list"
      transform={(data: Record<string, unknown>) => withoutEmptyPassword(data)}
    >
      <UserForm create />
    </Create>
  );
}

/** An empty password field means "unchanged" (edit) or "OIDC only" (create). */
function withoutEmptyPassword(data: Record<string, unknown>) {
  const { password, ...rest } = data;
  return password ? { ...rest, password } : rest;
}
