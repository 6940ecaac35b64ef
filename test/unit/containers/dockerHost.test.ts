import * as assert from 'node:assert/strict';
import { DockerHostError, parseDockerHost, resolveDockerHost } from '../../../src/core/containers';

describe('parseDockerHost', () => {
  describe('unix sockets', () => {
    it('unix:///path → socketPath', () => {
      assert.deepEqual(parseDockerHost('unix:///var/run/docker.sock'), {
        protocol: 'unix',
        socketPath: '/var/run/docker.sock',
        url: 'unix:///var/run/docker.sock',
      });
      assert.equal(parseDockerHost('unix:///home/me/.docker/run/docker.sock').url, 'unix:///home/me/.docker/run/docker.sock');
    });

    it('unix:// alone → the default socket, as the Docker CLI', () => {
      assert.equal(parseDockerHost('unix://').url, 'unix:///var/run/docker.sock');
    });

    it('a relative path (two slashes) is an error that shows the right form', () => {
      assert.throws(() => parseDockerHost('unix://var/run/docker.sock'), {
        name: 'DockerHostError',
        message: 'Invalid Docker host "unix://var/run/docker.sock": a unix socket needs an absolute path, with three slashes: unix:///var/run/docker.sock',
      });
    });
  });

  describe('tcp', () => {
    it('tcp://host:port → plain http without TLS variables', () => {
      assert.deepEqual(parseDockerHost('tcp://127.0.0.1:2375'), { protocol: 'http', host: '127.0.0.1', port: 2375, url: 'tcp://127.0.0.1:2375' });
    });

    it('default port 2375, or 2376 with TLS', () => {
      assert.equal(parseDockerHost('tcp://docker.internal').url, 'tcp://docker.internal:2375');
      assert.equal(parseDockerHost('tcp://docker.internal', { env: { DOCKER_TLS_VERIFY: '1' }, homeDir: '/home/me' }).url, 'tcp://docker.internal:2376');
    });

    it('DOCKER_TLS_VERIFY → https with the certificates of ~/.docker', () => {
      assert.deepEqual(parseDockerHost('tcp://127.0.0.1:2376', { env: { DOCKER_TLS_VERIFY: '1' }, homeDir: '/home/me' }), {
        protocol: 'https',
        host: '127.0.0.1',
        port: 2376,
        url: 'tcp://127.0.0.1:2376',
        tls: { caFile: '/home/me/.docker/ca.pem', certFile: '/home/me/.docker/cert.pem', keyFile: '/home/me/.docker/key.pem' },
      });
    });

    it('DOCKER_CERT_PATH → https with the certificates there', () => {
      const endpoint = parseDockerHost('tcp://127.0.0.1:2376', { env: { DOCKER_CERT_PATH: '/etc/docker/certs/' } });
      assert.equal(endpoint.protocol, 'https');
      assert.deepEqual(endpoint.protocol === 'https' ? endpoint.tls : undefined, {
        caFile: '/etc/docker/certs/ca.pem',
        certFile: '/etc/docker/certs/cert.pem',
        keyFile: '/etc/docker/certs/key.pem',
      });
    });

    it('any non-empty DOCKER_TLS_VERIFY enables TLS, as in the Docker CLI; empty does not', () => {
      assert.equal(parseDockerHost('tcp://h:1', { env: { DOCKER_TLS_VERIFY: '0' } }).protocol, 'https');
      assert.equal(parseDockerHost('tcp://h:1', { env: { DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' } }).protocol, 'http');
    });

    it('a bare host:port means tcp, as DOCKER_HOST=127.0.0.1:2375 does for the CLI', () => {
      assert.deepEqual(parseDockerHost('127.0.0.1:2375'), { protocol: 'http', host: '127.0.0.1', port: 2375, url: 'tcp://127.0.0.1:2375' });
    });

    it('IPv6 in brackets', () => {
      assert.deepEqual(parseDockerHost('tcp://[::1]:2375'), { protocol: 'http', host: '::1', port: 2375, url: 'tcp://[::1]:2375' });
    });

    it('a trailing slash is fine', () => {
      assert.equal(parseDockerHost('tcp://127.0.0.1:2375/').url, 'tcp://127.0.0.1:2375');
    });

    it('errors: bad port, missing host, path, user', () => {
      assert.throws(() => parseDockerHost('tcp://127.0.0.1:99999'), /the port "99999" is not a number from 1 to 65535/);
      assert.throws(() => parseDockerHost('tcp://127.0.0.1:http'), /the port "http" is not a number from 1 to 65535/);
      assert.throws(() => parseDockerHost('tcp://127.0.0.1:'), /the port "" is not a number/);
      assert.throws(() => parseDockerHost('tcp://'), /the host is missing; expected tcp:\/\/host:port/);
      assert.throws(() => parseDockerHost('tcp://:2375'), /":2375" is not host:port/);
      assert.throws(() => parseDockerHost('tcp://127.0.0.1:2375/v1.41'), /a path after the host \("\/v1.41"\) is not supported/);
      assert.throws(() => parseDockerHost('tcp://me@127.0.0.1:2375'), /tcp:\/\/ takes no user name \(did you mean ssh:\/\/\?\)/);
    });
  });

  describe('ssh', () => {
    it('ssh://user@host → port 22, the agent from SSH_AUTH_SOCK', () => {
      assert.deepEqual(parseDockerHost('ssh://deploy@127.0.0.1', { env: { SSH_AUTH_SOCK: '/tmp/agent.sock' } }), {
        protocol: 'ssh',
        host: '127.0.0.1',
        port: 22,
        url: 'ssh://deploy@127.0.0.1',
        username: 'deploy',
        agent: '/tmp/agent.sock',
      });
    });

    it('ssh://user@host:port; the user may be left out (then the local user, as ssh)', () => {
      assert.deepEqual(parseDockerHost('ssh://deploy@127.0.0.1:2222'), {
        protocol: 'ssh',
        host: '127.0.0.1',
        port: 2222,
        url: 'ssh://deploy@127.0.0.1:2222',
        username: 'deploy',
      });
      assert.deepEqual(parseDockerHost('ssh://build-host'), { protocol: 'ssh', host: 'build-host', port: 22, url: 'ssh://build-host' });
    });

    it('errors: password, path, empty user', () => {
      assert.throws(() => parseDockerHost('ssh://me:secret@host'), /a password in the address is not supported/);
      assert.throws(() => parseDockerHost('ssh://me@host/var/run/docker.sock'), /a path after the host \("\/var\/run\/docker.sock"\) is not supported/);
      assert.throws(() => parseDockerHost('ssh://@host'), /the user name before "@" is empty/);
    });
  });

  describe('npipe', () => {
    it('npipe:////./pipe/docker_engine → the pipe path', () => {
      assert.deepEqual(parseDockerHost('npipe:////./pipe/docker_engine'), {
        protocol: 'npipe',
        socketPath: '//./pipe/docker_engine',
        url: 'npipe:////./pipe/docker_engine',
      });
    });

    it('npipe:// alone → the default pipe; backslashes are accepted', () => {
      assert.equal(parseDockerHost('npipe://').url, 'npipe:////./pipe/docker_engine');
      assert.equal(parseDockerHost('npipe://\\\\.\\pipe\\dockerDesktopLinuxEngine').url, 'npipe:////./pipe/dockerDesktopLinuxEngine');
    });

    it('a pipe path without //./pipe/ is an error', () => {
      assert.throws(() => parseDockerHost('npipe://./pipe/docker_engine'), /a named pipe is written npipe:\/\/\/\/\.\/pipe\/<name>/);
    });
  });

  describe('other values', () => {
    it('empty, http(s) and unknown schemes are errors that say what to write', () => {
      assert.throws(() => parseDockerHost('  '), (error: unknown) => error instanceof DockerHostError && /it is empty; expected one of unix:\/\//.test(error.message));
      assert.throws(() => parseDockerHost('http://127.0.0.1:2375'), /use tcp:\/\/127.0.0.1:2375 \(TLS is chosen by DOCKER_TLS_VERIFY/);
      assert.throws(() => parseDockerHost('fd://'), /unsupported scheme "fd:\/\/"; expected one of/);
    });

    it('surrounding spaces are ignored', () => {
      assert.equal(parseDockerHost('  unix:///run/docker.sock \n').url, 'unix:///run/docker.sock');
    });
  });
});

describe('resolveDockerHost', () => {
  it("the environment config's dockerHost comes first", () => {
    assert.deepEqual(resolveDockerHost({ configured: 'tcp://127.0.0.1:2375', env: { DOCKER_HOST: 'unix:///other.sock' } }), {
      host: 'tcp://127.0.0.1:2375',
      source: 'config',
    });
  });

  it('then DOCKER_HOST', () => {
    assert.deepEqual(resolveDockerHost({ env: { DOCKER_HOST: 'unix:///other.sock' } }), { host: 'unix:///other.sock', source: 'DOCKER_HOST' });
    assert.deepEqual(resolveDockerHost({ configured: ' ', env: { DOCKER_HOST: 'unix:///other.sock' } }).source, 'DOCKER_HOST');
  });

  it('then the default socket, or the default named pipe on Windows', () => {
    assert.deepEqual(resolveDockerHost({ env: { DOCKER_HOST: '' }, platform: 'linux' }), { host: 'unix:///var/run/docker.sock', source: 'default' });
    assert.deepEqual(resolveDockerHost({ platform: 'win32' }), { host: 'npipe:////./pipe/docker_engine', source: 'default' });
  });
});
