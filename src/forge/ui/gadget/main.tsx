// jira:dashboardGadget — the view, or the edit view when Jira opens the gadget's configuration.
import '../../../ui/theme/base.css';
import '../../../ui/theme/jira.css';
import '../forge.css';
import { view } from '@forge/bridge';
import { mountForge } from '../mount';
import { GadgetEdit } from './GadgetEdit';
import { GadgetView } from './GadgetView';

mountForge((context) =>
  context.entryPoint === 'edit' ? <GadgetEdit config={context.gadget} submit={(config) => view.submit(config)} /> : <GadgetView config={context.gadget} />,
);
