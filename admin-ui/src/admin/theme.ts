import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme in the canton's blue (#00497a: 9.4:1 with white, WCAG AA). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#00497a' },
    secondary: { main: '#00497a' },
  },
};
