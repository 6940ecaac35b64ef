import * as assert from 'node:assert/strict';
import {
  MAX_RANGE_POINTS,
  PrometheusQueryError,
  PrometheusResponseError,
  QueryRangeError,
  UnexpectedResultError,
  checkQueryRange,
  isEmptyResult,
  parseQueryResponse,
  parseSampleValue,
  singleValue,
} from '../../../src/infra/prometheus';

// Envelopes as Prometheus's HTTP API documents them (https://prometheus.io/docs/prometheus/latest/querying/api/).

describe('parseQueryResponse', () => {
  it('parses a vector, values from strings', () => {
    const body = JSON.stringify({
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { __name__: 'up', job: 'prometheus', instance: 'localhost:9090' }, value: [1435781451.781, '1'] },
          { metric: { __name__: 'up', job: 'node', instance: 'localhost:9100' }, value: [1435781451.781, '0'] },
        ],
      },
    });
    assert.deepEqual(parseQueryResponse(200, body), {
      resultType: 'vector',
      series: [
        { labels: { __name__: 'up', job: 'prometheus', instance: 'localhost:9090' }, timestamp: 1435781451.781, value: 1 },
        { labels: { __name__: 'up', job: 'node', instance: 'localhost:9100' }, timestamp: 1435781451.781, value: 0 },
      ],
      warnings: [],
    });
  });

  it('parses a matrix and passes warnings on', () => {
    const body = JSON.stringify({
      status: 'success',
      warnings: ['PromQL info: metric might not be a counter'],
      data: { resultType: 'matrix', result: [{ metric: { job: 'node' }, values: [[1435781430.781, '1'], [1435781445.781, '+Inf']] }] },
    });
    assert.deepEqual(parseQueryResponse(200, body), {
      resultType: 'matrix',
      series: [{ labels: { job: 'node' }, points: [{ timestamp: 1435781430.781, value: 1 }, { timestamp: 1435781445.781, value: Infinity }] }],
      warnings: ['PromQL info: metric might not be a counter'],
    });
  });

  it('parses scalar and string results', () => {
    assert.deepEqual(parseQueryResponse(200, '{"status":"success","data":{"resultType":"scalar","result":[1700000000,"-Inf"]}}'), {
      resultType: 'scalar',
      point: { timestamp: 1700000000, value: -Infinity },
      warnings: [],
    });
    assert.deepEqual(parseQueryResponse(200, '{"status":"success","data":{"resultType":"string","result":[1700000000,"hi"]}}'), {
      resultType: 'string',
      timestamp: 1700000000,
      value: 'hi',
      warnings: [],
    });
  });

  it('turns status "error" into PrometheusQueryError with errorType, message and HTTP status', () => {
    const body = '{"status":"error","errorType":"bad_data","error":"1:11: parse error: unclosed left parenthesis","warnings":["w"]}';
    assert.throws(
      () => parseQueryResponse(400, body),
      (error: unknown) =>
        error instanceof PrometheusQueryError &&
        error.errorType === 'bad_data' &&
        error.detail === '1:11: parse error: unclosed left parenthesis' &&
        error.httpStatus === 400 &&
        error.warnings[0] === 'w',
    );
  });

  it('refuses what is not an envelope: HTML, other JSON, bad values, native histograms', () => {
    const bad = [
      [502, '<html><body>Bad Gateway</body></html>', /not JSON/],
      [200, '{"data":{}}', /not a Prometheus API response/],
      [200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"one"]}]}}', /sample value "one" is not a number/],
      [200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}', /sample value 2 is not a number/],
      [200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"histogram":[1,{}]}]}}', /native histogram/],
      [200, '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[]}]}}', /native histogram/],
      [200, '{"status":"success","data":{"resultType":"table","result":[]}}', /unknown resultType "table"/],
    ] as const;
    for (const [status, body, message] of bad) {
      assert.throws(() => parseQueryResponse(status, body), (error: unknown) => error instanceof PrometheusResponseError && message.test(error.message) && error.httpStatus === status, body);
    }
  });
});

describe('parseSampleValue', () => {
  it('reads Go float strings, NaN and infinities', () => {
    assert.ok(Number.isNaN(parseSampleValue('NaN')));
    assert.equal(parseSampleValue('+Inf'), Infinity);
    assert.equal(parseSampleValue('-Inf'), -Infinity);
    assert.equal(parseSampleValue('0.25'), 0.25);
    assert.equal(parseSampleValue('-3'), -3);
    assert.equal(parseSampleValue('1e-05'), 0.00001);
    for (const bad of ['', ' 1', '1,5', 'inf', '0x10', null]) assert.throws(() => parseSampleValue(bad), String(bad));
  });
});

describe('singleValue and isEmptyResult', () => {
  const vector = (...values: number[]) => ({
    resultType: 'vector' as const,
    series: values.map((value, i) => ({ labels: { i: String(i) }, timestamp: 1, value })),
    warnings: [],
  });

  it('is undefined (no data) for an empty vector and for NaN, the value otherwise', () => {
    assert.equal(singleValue(vector()), undefined);
    assert.ok(isEmptyResult(vector()));
    assert.equal(singleValue(vector(NaN)), undefined);
    assert.ok(!isEmptyResult(vector(NaN)));
    assert.equal(singleValue(vector(0)), 0);
    assert.equal(singleValue({ resultType: 'scalar', point: { timestamp: 1, value: 0.5 }, warnings: [] }), 0.5);
  });

  it('refuses several series, a matrix or a string', () => {
    assert.throws(() => singleValue(vector(1, 2)), UnexpectedResultError);
    assert.throws(() => singleValue({ resultType: 'matrix', series: [], warnings: [] }), UnexpectedResultError);
    assert.throws(() => singleValue({ resultType: 'string', timestamp: 1, value: 'x', warnings: [] }), UnexpectedResultError);
  });
});

describe('checkQueryRange', () => {
  const problem = (startMs: number, endMs: number, step: number): string | undefined => {
    try {
      checkQueryRange(startMs, endMs, step);
      return undefined;
    } catch (error) {
      assert.ok(error instanceof QueryRangeError);
      return error.problem;
    }
  };

  it('allows ⌊(end − start) / step⌋ up to 11,000 and refuses beyond, as Prometheus does', () => {
    assert.equal(MAX_RANGE_POINTS, 11_000);
    assert.equal(problem(0, 11_000_000, 1), undefined);
    assert.equal(problem(0, 11_000_999, 1), undefined, '11000.999 steps round down');
    assert.equal(problem(0, 11_001_000, 1), 'tooManyPoints');
    assert.equal(problem(0, 3_600_000 * 24 * 7, 60), undefined, 'a week at 60 s');
    assert.equal(problem(0, 3_600_000 * 24 * 8, 60), 'tooManyPoints');
    assert.throws(() => checkQueryRange(0, 11_001_000, 1), /use a step of at least 2 s/);
  });

  it('refuses a non-positive step and an end before the start', () => {
    assert.equal(problem(0, 1000, 0), 'invalidStep');
    assert.equal(problem(0, 1000, -1), 'invalidStep');
    assert.equal(problem(0, 1000, NaN), 'invalidStep');
    assert.equal(problem(2000, 1000, 1), 'endBeforeStart');
    assert.equal(problem(1000, 1000, 1), undefined);
  });
});
