/** Every command id the extension registers, in one place (package.json lists the same). */
export const CommandIds = {
  openRunbook: 'deployPilot.openRunbook',
  refresh: 'deployPilot.refresh',
  revealInRunbook: 'deployPilot.revealInRunbook',
  openSource: 'deployPilot.openSource',
  runStep: 'deployPilot.runStep',
  runCommand: 'deployPilot.runCommand',
  dryRunStep: 'deployPilot.dryRunStep',
  stopCommand: 'deployPilot.stopCommand',
  newRun: 'deployPilot.newRun',
  showRunReport: 'deployPilot.showRunReport',
  insertChangelogEntry: 'deployPilot.insertChangelogEntry',
  runPreflight: 'deployPilot.runPreflight',
  squashMerge: 'deployPilot.squashMerge',
  merge: 'deployPilot.merge',
  createTag: 'deployPilot.createTag',
  pushRelease: 'deployPilot.pushRelease',
  deleteFeatureBranch: 'deployPilot.deleteFeatureBranch',
  startMonitoring: 'deployPilot.startMonitoring',
  stopMonitoring: 'deployPilot.stopMonitoring',
  showMonitoringLog: 'deployPilot.showMonitoringLog',
  openDashboard: 'deployPilot.openDashboard',
  rollBack: 'deployPilot.rollBack',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
