import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/** What the driver needs of the handle beyond Kysely: whether a transaction is open, and the log's relaxed commits. */
export interface DriverHooks {
  inTransaction: () => boolean;
  /** Called as a transaction that will not wait for the disk begins (see `beginTransaction`). */
  onRelaxedTransaction?: () => void;
}

/**
 * Kysely's SQLite driver opens transactions with a deferred BEGIN; a deferred transaction that reads
 * and then writes can fail at once with SQLITE_BUSY when another process (the CLI's backup, a second
 * window's host) holds the write lock, without waiting for the busy timeout. BEGIN IMMEDIATE takes
 * the write lock up front, so writers queue instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #hooks: DriverHooks;
  #relaxed = false;

  constructor(config: SqliteDialectConfig, hooks: DriverHooks) {
    super(config);
    this.#hooks = hooks;
  }

  /**
   * `accessMode: 'read only'` is the router's audited read (a `phi` read procedure): the only row it
   * writes is its audit entry, and that commit does not wait for the disk (`synchronous=NORMAL` for this
   * one transaction, FULL again right after; SQLite refuses to change it inside a transaction, and
   * Kysely's connection mutex keeps every other statement out until the commit). The commit's pages
   * are written to the log before the answer leaves, so a killed app keeps the entry; the audit-head
   * writer fsyncs the log before it records a head (`onRelaxedTransaction`), and the next ordinary commit
   * fsyncs it too. docs/architecture.md "Audited reads" says why.
   */
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    // FULL again first, should restoring after the last relaxed transaction have failed.
    await this.#restore(connection);
    if (settings?.accessMode === 'read only') {
      this.#hooks.onRelaxedTransaction?.();
      await connection.executeQuery(CompiledQuery.raw('pragma synchronous = NORMAL'));
      this.#relaxed = true;
    }
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (error) {
      await this.#restore(connection);
      throw error;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      // A COMMIT that failed with the transaction still open is followed by rollbackTransaction, which
      // restores; one that ended it (committed, or rolled back by SQLite itself) restores here.
      if (!this.#hooks.inTransaction()) await this.#restore(connection);
    }
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, ...); a
   * ROLLBACK after that fails with "no transaction is active" and would hide the error that mattered.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.#hooks.inTransaction()) await super.rollbackTransaction(connection);
    } finally {
      await this.#restore(connection);
    }
  }

  async #restore(connection: DatabaseConnection): Promise<void> {
    if (!this.#relaxed) return;
    await connection.executeQuery(CompiledQuery.raw('pragma synchronous = FULL'));
    this.#relaxed = false;
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #hooks: DriverHooks;

  constructor(config: SqliteDialectConfig, hooks: DriverHooks | (() => boolean)) {
    super(config);
    this.#config = config;
    this.#hooks = typeof hooks === 'function' ? { inTransaction: hooks } : hooks;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#hooks);
  }
}
