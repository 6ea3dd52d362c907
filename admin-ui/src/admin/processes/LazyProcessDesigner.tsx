import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

/** bpmn-js, form-js and bpmnlint load only when the designer opens, not with the back office. */
const ProcessDesigner = lazy(async () => ({
  default: (await import('./designer/ProcessDesigner')).ProcessDesigner,
}));

export function LazyProcessDesigner() {
  return (
    <Suspense fallback={<Loading />}>
      <ProcessDesigner />
    </Suspense>
  );
}
