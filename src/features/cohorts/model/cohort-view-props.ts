import type { CohortAggregate } from '../../../domain/cohorts/cohort-aggregate';
import type { Timed } from '../../../workers/cohort-answers';
import type { CohortsSearch, CohortsState } from '../cohorts-search';

/** What every view of the aggregate (chart, table, triangle) is given: the state, the result, and how to change the URL. */
export interface CohortViewProps {
  state: CohortsState;
  result: Timed<CohortAggregate>;
  set: (p: Partial<CohortsSearch>) => void;
}
