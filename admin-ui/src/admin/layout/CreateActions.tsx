import { CreateButton, TopToolbar } from 'react-admin';

/** The actions of an administration list: only "create" (no export, no filter button). */
export function CreateActions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}
