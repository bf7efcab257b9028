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
import { WorkbenchBar } from '../shell/WorkbenchBar';

const FILTERS = ['team', 'period'] as const;

function filtersFromUrl(): ReviewFilterValues {
  const params = new URLSearchParams(window.location.search);
  const filters: ReviewFilterValues = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

function filtersToUrl(filters: ReviewFilterValues): void {
  const url = new URL(window.location.href);
  for (const name of FILTERS) {
    const value = filters[name];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, '', url);
}

const host = hostLook();

mount(
  <>
    <WorkbenchBar current="Review" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/review" />
      <ReviewPage initialFilters={filtersFromUrl()} onFiltersChange={filtersToUrl} />
    </ThemeRoot>
  </>,
);
