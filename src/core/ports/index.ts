export type * from './work-item-source';
export type * from './document-store';
export type * from './measure-source';
export type * from './people-directory';
