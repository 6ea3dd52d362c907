import LanguageIcon from '@mui/icons-material/Language';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { useLocaleState, useLocales } from 'react-admin';
import { useT } from '../i18n/useT';

/**
 * The language switch: a button named "Choose language" showing the current language, and a
 * menu of the languages by their own names (with `lang`, so screen readers pronounce them).
 * Switching keeps the page. react-admin's LocalesMenuButton lacks the name and the `lang`.
 */
export function LanguageMenu() {
  const t = useT();
  const menuId = useId();
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = locales.find((entry) => entry.locale === locale);
  return (
    <>
      <Button
        color="inherit"
        aria-label={`${t('common.language.label')}: ${current?.name ?? locale}`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        startIcon={<LanguageIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <span lang={locale}>{current?.name ?? locale}</span>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {locales.map((entry) => (
          <MenuItem
            key={entry.locale}
            lang={entry.locale}
            selected={entry.locale === locale}
            onClick={() => {
              setAnchor(null);
              setLocale(entry.locale);
            }}
          >
            {entry.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
