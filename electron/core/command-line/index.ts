export { CliServer, type CliServerOptions } from './cli-server';
export { AuditLog, DEFAULT_AUDIT_CAPACITY } from './audit-log';
export type { VaultStateName } from './command-handlers';
export { appDataDirectory, DATA_DIRECTORY_ENV, sessionFilePath } from './app-data-dir';
