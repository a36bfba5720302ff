export { GatewayServer, type GatewayServerOptions } from './gateway-server';
export { GatewayKeys } from './gateway-keys';
export { InMemoryGatewayKeyStore, type GatewayKeyStore, type StoredGatewayKey } from './gateway-key-store';
export { FileGatewayKeyStore, gatewayKeysFilePath } from './file-gateway-key-store';
export { gatewayBaseUrl, powerQuerySnippet } from './gateway-links';
