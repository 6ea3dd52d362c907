import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  PasswordInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { useApi } from '../diagram/useApi';
import { useT } from '../i18n/useT';
import { groupList, roleChoices } from './roles';

/** A staff member: name, login, password (optional: OIDC only) and roles and groups per tenant. */
export function UserForm({ create = false }: { create?: boolean }) {
  const t = useT();
  const tenants = useApi<{ id: string; name: string }[]>('/api/tenants');
  return (
    <SimpleForm>
      <TextInput
        source="username"
        label={t('resources.users.fields.username')}
        validate={required()}
      />
      <TextInput
        source="displayName"
        label={t('resources.users.fields.displayName')}
        validate={required()}
      />
      <TextInput
        source="email"
        label={t('resources.users.fields.email')}
        type="email"
        validate={[required(), email()]}
      />
      <PasswordInput
        source="password"
        label={t('resources.users.fields.password')}
        helperText={t(
          create ? 'resources.users.passwordHelpCreate' : 'resources.users.passwordHelpEdit',
        )}
        validate={minLength(12)}
        autoComplete="new-password"
      />
      <BooleanInput source="active" label={t('resources.users.fields.active')} defaultValue />
      <ArrayInput source="memberships" label={t('resources.users.fields.memberships')}>
        <SimpleFormIterator inline>
          <SelectInput
            source="tenantId"
            label={t('resources.users.fields.tenantId')}
            choices={tenants.data ?? []}
            validate={required()}
          />
          <CheckboxGroupInput
            source="roles"
            label={t('resources.users.fields.roles')}
            choices={roleChoices(t)}
          />
          <TextInput
            source="groups"
            label={t('resources.users.fields.groups')}
            helperText={t('resources.users.groupsHelp')}
            format={groupList.format}
            parse={groupList.parse}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
