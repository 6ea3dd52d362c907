import type { useT } from '../i18n/useT';

export const ROLES = ['admin', 'designer', 'clerk'] as const;

export const roleChoices = (t: ReturnType<typeof useT>) =>
  ROLES.map((role) => ({ id: role, name: t(`resources.users.roles.${role}`) }));

/** Group keys are entered comma-separated and stored as a list. */
export const groupList = {
  format: (groups: unknown) => (Array.isArray(groups) ? groups.join(', ') : ''),
  parse: (text: string) =>
    text
      .split(',')
      .map((group) => group.trim())
      .filter(Boolean),
};
