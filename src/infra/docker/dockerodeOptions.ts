/** dockerode constructor options for an endpoint: reads the TLS files and the local user name. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { DockerOptions } from 'dockerode';
import type { DockerEndpoint } from '../../core/containers';

/**
 * Every connection key is set, to `undefined` where it does not apply: docker-modem merges its own
 * defaults from `process.env.DOCKER_HOST` under the options it is given, so a key left out would
 * leak in from the environment (e.g. a tcp `host` would override our `socketPath`).
 */
export function dockerodeOptions(endpoint: DockerEndpoint, readFile: (path: string) => Buffer = readFileSync): DockerOptions {
  const none = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    username: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    sshOptions: undefined,
  };
  switch (endpoint.protocol) {
    case 'unix':
    case 'npipe':
      return { ...none, socketPath: endpoint.socketPath, protocol: 'http' };
    case 'http':
      return { ...none, protocol: 'http', host: endpoint.host, port: endpoint.port };
    case 'https': {
      const tls = endpoint.tls;
      return {
        ...none,
        protocol: 'https',
        host: endpoint.host,
        port: endpoint.port,
        ...(tls ? { ca: readFile(tls.caFile), cert: readFile(tls.certFile), key: readFile(tls.keyFile) } : {}),
      };
    }
    case 'ssh':
      return {
        ...none,
        protocol: 'ssh',
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.username ?? userInfo().username,
        sshOptions: endpoint.agent ? { agent: endpoint.agent } : {},
      };
  }
}
