export type { Sample, SeriesReader, SeriesSlice } from './model';
export { BYTES_PER_SAMPLE, DEFAULT_SERIES_CAPACITY, RingSeries } from './ringSeries';
export { downsample } from './downsample';
export type { DownsampledSeries } from './downsample';
export { DEFAULT_MAX_SERIES, SeriesStore } from './seriesStore';
export type { SeriesStoreOptions } from './seriesStore';
export { aggregate, heldAtEverySample } from './aggregate';
export type { HeldVerdict, WindowAggregate } from './aggregate';
