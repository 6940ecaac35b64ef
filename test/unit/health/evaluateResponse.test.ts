import * as assert from 'node:assert/strict';
import type { HealthCheckConfig } from '../../../src/core/config';
import { evaluateResponse, lookupJsonPath, parseJsonPath } from '../../../src/core/health';

const BASE: HealthCheckConfig = {
  intervalSeconds: 60,
  timeoutSeconds: 48,
  retries: 0,
  acceptedStatus: [{ min: 200, max: 299 }],
  headers: {},
};

function config(extra: Partial<HealthCheckConfig>): HealthCheckConfig {
  return { ...BASE, ...extra };
}

describe('evaluateResponse', () => {
  describe('status', () => {
    it('accepts the default 200–299', () => {
      assert.deepEqual(evaluateResponse(BASE, { status: 200, body: '' }), { ok: true });
      assert.deepEqual(evaluateResponse(BASE, { status: 299, body: '' }), { ok: true });
    });

    it('rejects others, listing what is accepted', () => {
      assert.deepEqual(evaluateResponse(BASE, { status: 503, body: 'down' }), {
        ok: false,
        kind: 'status',
        reason: 'status 503 is not accepted (200-299)',
      });
      assert.equal(evaluateResponse(BASE, { status: 301, body: '' }).ok, false);
    });

    it('accepts any of several ranges', () => {
      const c = config({ acceptedStatus: [{ min: 200, max: 299 }, { min: 301, max: 301 }, { min: 401, max: 403 }] });
      assert.deepEqual([200, 301, 302, 401, 403, 404].map((status) => evaluateResponse(c, { status, body: '' }).ok), [true, true, false, true, true, false]);
      const rejected = evaluateResponse(c, { status: 500, body: '' });
      assert.equal(rejected.ok ? '' : rejected.reason, 'status 500 is not accepted (200-299, 301, 401-403)');
    });

    it('checks the status before the keyword and the JSON', () => {
      const c = config({ keyword: 'ok', json: { path: 'status', expected: 'ok' } });
      const verdict = evaluateResponse(c, { status: 500, body: 'not json' });
      assert.equal(verdict.ok ? undefined : verdict.kind, 'status');
    });
  });

  describe('keyword', () => {
    const c = config({ keyword: 'healthy' });

    it('passes when the body contains it (case-sensitive)', () => {
      assert.deepEqual(evaluateResponse(c, { status: 200, body: 'all healthy here' }), { ok: true });
      assert.equal(evaluateResponse(c, { status: 200, body: 'HEALTHY' }).ok, false);
    });

    it('fails quoting the start of the body', () => {
      assert.deepEqual(evaluateResponse(c, { status: 200, body: '<html>\n  <body>Maintenance</body>\n</html>' }), {
        ok: false,
        kind: 'keyword',
        reason: 'keyword "healthy" not found in body "<html> <body>Maintenance</body> </html>"',
      });
      const long = evaluateResponse(c, { status: 200, body: 'x'.repeat(500) });
      assert.equal(long.ok ? '' : long.reason, `keyword "healthy" not found in body "${'x'.repeat(60)}…"`);
    });
  });

  describe('JSON', () => {
    const body = JSON.stringify({ status: 'ok', version: 3, ready: true, checks: { db: { status: 'up' }, list: [{ name: 'a' }, { name: 'b' }] }, nothing: null });
    const check = (path: string, expected: string | number | boolean) => evaluateResponse(config({ json: { path, expected } }), { status: 200, body });

    it('compares the value at a dotted path, with or without $', () => {
      assert.deepEqual(check('status', 'ok'), { ok: true });
      assert.deepEqual(check('$.status', 'ok'), { ok: true });
      assert.deepEqual(check('checks.db.status', 'up'), { ok: true });
      assert.deepEqual(check('$.checks.db.status', 'up'), { ok: true });
      assert.deepEqual(check('$.checks.list[1].name', 'b'), { ok: true });
      assert.deepEqual(check('checks.list.0.name', 'a'), { ok: true });
    });

    it('compares numbers and booleans by value, and by text across types (as Uptime Kuma)', () => {
      assert.deepEqual(check('version', 3), { ok: true });
      assert.deepEqual(check('version', '3'), { ok: true });
      assert.deepEqual(check('ready', true), { ok: true });
      assert.deepEqual(check('ready', 'true'), { ok: true });
      assert.deepEqual(check('nothing', 'null'), { ok: true });
      assert.equal(check('version', 4).ok, false);
      assert.equal(check('ready', false).ok, false);
    });

    it('fails on a different value, saying what it found', () => {
      assert.deepEqual(check('checks.db.status', 'ok'), { ok: false, kind: 'json', reason: 'JSON path checks.db.status is "up", expected "ok"' });
      assert.deepEqual(check('checks.db', 'up'), { ok: false, kind: 'json', reason: 'JSON path checks.db is {"status":"up"}, expected "up"' });
    });

    it('fails on a missing path', () => {
      assert.deepEqual(check('checks.cache.status', 'up'), { ok: false, kind: 'json', reason: 'JSON path checks.cache.status not found in body' });
      assert.equal(check('checks.list[5].name', 'a').ok, false);
      assert.equal(check('status.length', 2).ok, false);
    });

    it('says clearly when the body is not JSON', () => {
      const verdict = evaluateResponse(config({ json: { path: 'status', expected: 'ok' } }), { status: 200, body: '<html>Bad gateway</html>' });
      assert.deepEqual(verdict, { ok: false, kind: 'json', reason: 'body is not JSON: "<html>Bad gateway</html>"' });
      const empty = evaluateResponse(config({ json: { path: 'status', expected: 'ok' } }), { status: 200, body: '' });
      assert.equal(empty.ok ? '' : empty.reason, 'body is not JSON: ""');
    });

    it('rejects a path that is not one', () => {
      const verdict = check('checks..db', 'up');
      assert.equal(verdict.ok ? '' : verdict.reason, 'JSON path "checks..db" is not a path (like status, checks.db.status or $.status)');
    });

    it('checks the keyword before the JSON', () => {
      const verdict = evaluateResponse(config({ keyword: 'absent', json: { path: 'status', expected: 'ok' } }), { status: 200, body });
      assert.equal(verdict.ok ? undefined : verdict.kind, 'keyword');
    });
  });
});

describe('JSON paths', () => {
  it('parses the supported forms', () => {
    assert.deepEqual(parseJsonPath('status'), ['status']);
    assert.deepEqual(parseJsonPath('$.checks.db.status'), ['checks', 'db', 'status']);
    assert.deepEqual(parseJsonPath('$.items[0].name'), ['items', 0, 'name']);
    assert.deepEqual(parseJsonPath("$['a.b'][\"c\"]"), ['a.b', 'c']);
    assert.deepEqual(parseJsonPath('$'), []);
  });

  it('rejects what is not a path', () => {
    for (const path of ['', 'a..b', 'a.', '$status', 'a[x]', 'a[0', '$.']) assert.equal(parseJsonPath(path), undefined, path);
  });

  it('looks up values, telling a missing key from a null value', () => {
    const doc = { a: { b: null }, list: [10, 20] };
    assert.deepEqual(lookupJsonPath(doc, ['a', 'b']), { found: true, value: null });
    assert.deepEqual(lookupJsonPath(doc, ['a', 'c']), { found: false });
    assert.deepEqual(lookupJsonPath(doc, ['list', 1]), { found: true, value: 20 });
    assert.deepEqual(lookupJsonPath(doc, ['list', '1']), { found: true, value: 20 });
    assert.deepEqual(lookupJsonPath(doc, ['list', 'length']), { found: false });
    assert.deepEqual(lookupJsonPath(doc, ['toString']), { found: false });
    assert.deepEqual(lookupJsonPath(doc, []), { found: true, value: doc });
  });
});
