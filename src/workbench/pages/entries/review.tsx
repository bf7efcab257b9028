import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../../../ui/theme/ado.css';
import '../hosts/atlassian-host.css';
import '../hosts/ado-host.css';
import '../shell/workbench.css';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { ReviewPage } from '../../../ui/review/ReviewPage';
import type { ReviewFilterValues } from '../../../ui/review/ReviewFilters';
import { hostLook } from '../shell/host-look';
import { HostLookSwitch } from '../shell/HostLookSwitch';
import { mount } from '../shell/mount';
import { filtersFromUrl, filtersToUrl } from '../shell/url-filters';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const FILTERS = ['team', 'period'] as const;

const host = hostLook();

mount(
  <>
    <WorkbenchBar current="Review" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/review" />
      <ReviewPage initialFilters={filtersFromUrl(FILTERS)} onFiltersChange={(filters: ReviewFilterValues) => filtersToUrl(FILTERS, filters)} />
    </ThemeRoot>
  </>,
);
