// The authoring forms load when a form is first opened, not with the board: on Azure DevOps the
// app runs in the page and the board must open within its weight budget (150 KB gzipped).
import { lazy, Suspense, type ComponentProps } from 'react';

const ObjectiveFormLazy = lazy(() => import('./ObjectiveForm').then((m) => ({ default: m.ObjectiveForm })));
const KeyResultFormLazy = lazy(() => import('./KeyResultForm').then((m) => ({ default: m.KeyResultForm })));
const PlanStructureLazy = lazy(() => import('./PlanStructure').then((m) => ({ default: m.PlanStructure })));

const loading = <p className="h-subtle">Loading the form…</p>;

export function ObjectiveForm(props: ComponentProps<typeof ObjectiveFormLazy>) {
  return (
    <Suspense fallback={loading}>
      <ObjectiveFormLazy {...props} />
    </Suspense>
  );
}

export function KeyResultForm(props: ComponentProps<typeof KeyResultFormLazy>) {
  return (
    <Suspense fallback={loading}>
      <KeyResultFormLazy {...props} />
    </Suspense>
  );
}

export function PlanStructure(props: ComponentProps<typeof PlanStructureLazy>) {
  return (
    <Suspense fallback={loading}>
      <PlanStructureLazy {...props} />
    </Suspense>
  );
}
