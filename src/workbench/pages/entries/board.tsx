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
import { filtersFromUrl, filtersToUrl } from '../shell/url-filters';
import { WorkbenchBar } from '../shell/WorkbenchBar';

const FILTERS = ['period', 'team', 'status', 'owner', 'text'] as const;

/** The board's filters from the address (the app checks each, `status` among them). */
function boardFiltersFromUrl(): BoardFilters {
  const { status, ...rest } = filtersFromUrl(FILTERS);
  return { ...rest, ...(status ? { status: status as Status } : {}) };
}

const host = hostLook();

mount(
  <>
    <WorkbenchBar current="Board" />
    <ThemeRoot host={host} className="wb-page">
      <HostLookSwitch current={host} path="/board" />
      <MyKeyResults />
      <AlignmentBoard initialFilters={boardFiltersFromUrl()} onFiltersChange={(filters) => filtersToUrl(FILTERS, filters)} workItemHref={frameHref} />
    </ThemeRoot>
  </>,
);
