/**
 * The part of PouchDB's API the peer benchmark uses. Not @types/pouchdb: it pulls the DOM library
 * into the whole Node project, and DOM's Blob and ArrayBuffer types then clash with Node's Buffer.
 */
declare module 'pouchdb' {
  namespace PouchDB {
    namespace Find {
      type Selector = Record<string, unknown>;
      interface Request {
        selector: Selector;
        use_index?: string;
        limit?: number;
        sort?: Record<string, 'asc' | 'desc'>[];
      }
    }
    type Stored<T> = T & { _id: string; _rev: string };
    interface Database<T extends object> {
      bulkDocs(docs: (T & { _id: string })[]): Promise<unknown[]>;
      createIndex(options: { index: { fields: string[]; ddoc?: string } }): Promise<unknown>;
      find(request: Find.Request): Promise<{ docs: Stored<T>[] }>;
      allDocs(options: {
        keys: string[];
        include_docs: true;
      }): Promise<{ rows: ({ id: string; doc?: Stored<T> } | { key: string; error: string })[] }>;
      info(): Promise<{ doc_count: number }>;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
  }
  interface PouchDBConstructor {
    new <T extends object>(name: string, options?: { adapter?: string }): PouchDB.Database<T>;
    plugin(plugin: unknown): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}

declare module 'pouchdb-find' {
  const plugin: unknown;
  export default plugin;
}
