// The `yaml` package as the ADO pages see it (vite.ado.config.ts resolves `yaml` here for every
// page). YAML is only read and written when a plan file is imported or exported, which happens on
// the plan hub; the library is a fifth of a page's JavaScript, so only that page carries it and
// hands it over with provideYaml(). Anywhere else a call says where YAML is handled.
import type * as Yaml from 'yaml';

type YamlApi = Pick<typeof Yaml, 'parseDocument' | 'stringify'>;

let provided: YamlApi | undefined;

export function provideYaml(api: YamlApi): void {
  provided = api;
}

function yaml(): YamlApi {
  if (!provided) throw new Error('plan files are read and written on the "OKR plan" hub; open it to import or export one');
  return provided;
}

// Overloaded signatures: the wrappers forward whatever they are given.
export const parseDocument = ((...args: Parameters<YamlApi['parseDocument']>) => yaml().parseDocument(...args)) as YamlApi['parseDocument'];
export const stringify = ((...args: Parameters<YamlApi['stringify']>) => yaml().stringify(...args)) as YamlApi['stringify'];
