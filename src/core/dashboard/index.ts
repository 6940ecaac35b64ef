export { AppendBatcher } from './appendBatcher';
export { buildCharts, chartKey, chartSeriesKeys, chartThresholds } from './charts';
export type { ChartsRequest } from './charts';
export { environmentStatus } from './environmentStatus';
export { FiringHistory } from './firingHistory';
export { runMarkers } from './runMarkers';
export { seriesInit } from './seriesInit';
