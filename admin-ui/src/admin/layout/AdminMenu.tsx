import { Menu } from 'react-admin';

/** The dashboard, then every resource the staff member's roles give them (see AdminApp). */
export function AdminMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
    </Menu>
  );
}
