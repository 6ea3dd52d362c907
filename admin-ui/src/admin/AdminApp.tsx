import { Admin, localStorageStore, Resource } from 'react-admin';
import auditLog from './audit-log';
import { authProvider } from './authProvider';
import cases from './cases';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import groups from './groups';
import { createI18nProvider, initialLocale } from './i18n/i18nProvider';
import incidents from './incidents';
import instances from './instances';
import { AdminLayout } from './layout/AdminLayout';
import { LoginPage } from './login/LoginPage';
import mailOutbox from './mail-outbox';
import processes from './processes';
import serviceAdoptions from './service-adoptions';
import tasks from './tasks';
import tenants from './tenants';
import { theme } from './theme';
import users from './users';

type Role = 'admin' | 'designer' | 'clerk';

const locale = initialLocale();
const i18nProvider = createI18nProvider(locale);
const store = localStorageStore(undefined, 'serviceportal.admin');
// One language preference for both entries (src/i18n/storedLocale): react-admin's store must
// not bring back an older choice.
store.setItem('locale', locale);

/** Does the staff member have one of the roles in the current tenant (authProvider.getPermissions)? */
const can = (permissions: unknown, ...roles: Role[]): boolean =>
  Array.isArray(permissions) && roles.some((role) => permissions.includes(role));

/**
 * The back office, served at /admin/ (main.tsx puts it into a BrowserRouter). Each resource is
 * a folder whose index.ts holds what <Resource> needs; the menu shows those the staff member's
 * roles in the current tenant give them.
 */
export function AdminApp() {
  return (
    <Admin
      basename="/admin"
      title="Serviceportal"
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      store={store}
      theme={theme}
      layout={AdminLayout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      {(permissions: unknown) => (
        <>
          {can(permissions, 'clerk', 'admin') && <Resource name="tasks" {...tasks} />}
          {can(permissions, 'clerk', 'admin') && <Resource name="cases" {...cases} />}
          {can(permissions, 'designer', 'admin') && <Resource name="processes" {...processes} />}
          {can(permissions, 'admin', 'designer') && <Resource name="incidents" {...incidents} />}
          {can(permissions, 'admin', 'designer') && <Resource name="instances" {...instances} />}
          {can(permissions, 'admin') && <Resource name="tenants" {...tenants} />}
          {can(permissions, 'admin', 'designer') && (
            <Resource name="service-adoptions" {...serviceAdoptions} />
          )}
          {can(permissions, 'admin') && <Resource name="users" {...users} />}
          {can(permissions, 'admin') && <Resource name="groups" {...groups} />}
          {can(permissions, 'admin') && <Resource name="mail-outbox" {...mailOutbox} />}
          {can(permissions, 'admin') && <Resource name="audit-log" {...auditLog} />}
        </>
      )}
    </Admin>
  );
}
