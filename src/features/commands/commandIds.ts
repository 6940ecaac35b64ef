/** Every command id the extension registers, in one place (package.json lists the same). */
export const CommandIds = {
  openRunbook: 'deployPilot.openRunbook',
  refresh: 'deployPilot.refresh',
  revealInRunbook: 'deployPilot.revealInRunbook',
  openSource: 'deployPilot.openSource',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
