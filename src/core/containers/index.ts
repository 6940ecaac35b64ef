/** Container monitoring logic (pure, no IO): Docker CLI memory and CPU figures, restart/OOM baselines, Docker host addresses, container matching. */
export type { DockerCpuStats, DockerMemoryStats, DockerStatsJson } from './statsJson';
export { memoryUsage } from './memoryUsage';
export type { MemoryUsage } from './memoryUsage';
export { cpuPercent, cpuPercentBetween } from './cpuPercent';
export { baselineOf, changesSince, startTally, tallyChanges } from './baseline';
export type { ChangeTally, ContainerBaseline, ContainerChanges, ContainerInspectLike } from './baseline';
export { DEFAULT_NAMED_PIPE, DEFAULT_UNIX_SOCKET, DockerHostError, parseDockerHost, resolveDockerHost } from './dockerHost';
export type { DockerEndpoint, DockerHostContext, DockerHostSource, SocketEndpoint, SshEndpoint, TcpEndpoint, TlsFiles } from './dockerHost';
export { COMPOSE_PROJECT_LABEL, COMPOSE_SERVICE_LABEL, matchContainers, stripSlash } from './matchContainers';
export type { ContainerListEntry, ContainerQuery, MatchReason } from './matchContainers';
