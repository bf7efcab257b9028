// The one module of the ADO pages that imports the real `yaml` package (see host/deferred-yaml.ts).
import { parseDocument, stringify } from 'yaml';
import { provideYaml } from '../host/deferred-yaml';

provideYaml({ parseDocument, stringify });
