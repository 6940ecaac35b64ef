/** Docker engine infrastructure client (dockerode, no VS Code): container discovery, stats samples, restart/OOM baselines, with time limits and clear errors. */
export { DEFAULT_DOCKER_TIMEOUT_MS, DockerClient, createDocker } from './dockerClient';
export type { ContainerSample, DockerClientOptions, FindContainersOptions, FoundContainer, StatsOptions } from './dockerClient';
export { DockerError } from './dockerError';
export type { DockerErrorKind } from './dockerError';
export { dockerodeOptions } from './dockerodeOptions';
export { withDeadline } from './deadline';
