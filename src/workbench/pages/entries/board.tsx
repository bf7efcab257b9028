import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../../../ui/theme/ado.css';
import '../hosts/atlassian-host.css';
import '../hosts/ado-host.css';
import '../shell/workbench.css';
import type { BoardFilters } from '../../../app/api';
import type { Status } from '../../../core/report/types';
import { AlignmentBoard } from '../../../ui/board/AlignmentBoard';
import { MyKeyResults } from '../../../ui/my/MyKeyResults';
import { ThemeRoot } from '../../../ui/components/ThemeRoot';
import { hostLook } from '../shell/host-look';
import { HostLookSwitch } from '../shell/HostLookSwitch';
import { mount } from '../shell/mount';
import { frameHref } from '../shell/refs';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const FILTERS = ['period', 'team', 'status', 'owner', 'text'] as const;

function filtersFromUrl(): BoardFilters {
  const params = new URLSearchParams(window.location.search);
  const filters: BoardFilters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) {
      if (name === 'status') filters.status = value as Status;
      else filters[name] = value;
    }
  }
  return filters;
}

function filtersToUrl(filters: BoardFilters): void {
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
    <WorkbenchBar current="Board" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/board" />
      <MyKeyResults />
      <AlignmentBoard initialFilters={filtersFromUrl()} onFiltersChange={filtersToUrl} workItemHref={frameHref} />
    </ThemeRoot>
  </>,
);
