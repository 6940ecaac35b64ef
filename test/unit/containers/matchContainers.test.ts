import * as assert from 'node:assert/strict';
import { matchContainers } from '../../../src/core/containers';
import type { ContainerListEntry, ContainerQuery } from '../../../src/core/containers';

function entry(id: string, name: string, project?: string, service?: string): ContainerListEntry {
  const labels: Record<string, string> = { 'org.opencontainers.image.title': id };
  if (project !== undefined) labels['com.docker.compose.project'] = project;
  if (service !== undefined) labels['com.docker.compose.service'] = service;
  return { Id: id, Names: [`/${name}`], Labels: labels, State: 'running' };
}

const LIST: ContainerListEntry[] = [
  entry('a1', 'shop-web-1', 'shop', 'web'), // compose v2 naming
  entry('a2', 'shop_worker_1', 'shop', 'worker'), // compose v1 naming, same labels
  entry('b1', 'blog-web-1', 'blog', 'web'),
  entry('c1', 'aidrive-dashboard'),
  entry('c2', 'aidrive-dashboard-old'),
  { Id: 'd1', Names: ['/no-labels'], Labels: null },
];

function ids(query: ContainerQuery): string[] {
  return matchContainers(LIST, query).map((m) => `${m.entry.Id}:${m.reason}`);
}

describe('matchContainers', () => {
  it('matches names exactly, with or without the leading slash (no prefix or regex match)', () => {
    assert.deepEqual(ids({ names: ['aidrive-dashboard'] }), ['c1:name']);
    assert.deepEqual(ids({ names: ['/aidrive-dashboard-old'] }), ['c2:name']);
    assert.deepEqual(ids({ names: ['aidrive'] }), []);
  });

  it('a compose project alone: all its containers (v1 and v2 names alike)', () => {
    assert.deepEqual(ids({ composeProject: 'shop' }), ['a1:compose', 'a2:compose']);
  });

  it('project and services: only those services of that project', () => {
    assert.deepEqual(ids({ composeProject: 'shop', services: ['web'] }), ['a1:compose']);
  });

  it('services without a project: that service in any project', () => {
    assert.deepEqual(ids({ services: ['web'] }), ['a1:compose', 'b1:compose']);
  });

  it('names and compose together: the union, each container once, in list order', () => {
    assert.deepEqual(ids({ names: ['shop-web-1', 'aidrive-dashboard'], composeProject: 'shop' }), ['a1:name', 'a2:compose', 'c1:name']);
  });

  it('an empty query matches nothing; containers without labels never match by compose', () => {
    assert.deepEqual(ids({}), []);
    assert.deepEqual(ids({ names: [], services: [] }), []);
    assert.deepEqual(ids({ composeProject: 'none' }), []);
  });
});
