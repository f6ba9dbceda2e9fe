import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/ui/tabs';
import { COHORT_VIEWS, type CohortView } from '../cohorts-search';

/** The five views of the screen as tabs (arrow keys move between them); `children` is the chosen view's panel. */
export function ViewTabs({
  view,
  onChange,
  children,
}: {
  view: CohortView;
  onChange: (view: CohortView) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Tabs
      label={t('cohorts.views.label')}
      tabs={COHORT_VIEWS.map((v) => ({ value: v, label: t(`cohorts.views.${v}`) }))}
      value={view}
      onValueChange={onChange}
      className="mt-4"
    >
      {children}
    </Tabs>
  );
}
