import { PortalLayout } from './PortalLayout';
import { PortalRoutes } from './routes';
import { FormFillProvider } from './form/FormFillProvider';

/**
 * The citizen portal (served at `/`): the page chrome around the routes. The form a citizen is
 * filling lives in FormFillProvider, above the routes, so neither a language switch nor going
 * back from the review step loses what was entered.
 */
export function PortalApp() {
  return (
    <FormFillProvider>
      <PortalLayout>
        <PortalRoutes />
      </PortalLayout>
    </FormFillProvider>
  );
}
