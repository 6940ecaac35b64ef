import type { Runbook, SectionNode } from '../../core/runbook/model';
import { walk } from '../../core/runbook/model';

/** Section ids inside the rollback procedure, and a label per section: for the chart markers. */
export function stepIndex(runbook: Runbook | undefined): { rollbackStepIds: Set<string>; stepLabels: Map<string, string> } {
  const rollbackStepIds = new Set<string>();
  const stepLabels = new Map<string, string>();
  if (!runbook) return { rollbackStepIds, stepLabels };
  const visit = (sections: readonly SectionNode[], inRollback: boolean): void => {
    for (const section of sections) {
      const rollback = inRollback || section.traits.rollback === true;
      stepLabels.set(section.id, section.label);
      if (rollback) rollbackStepIds.add(section.id);
      visit(section.children.filter((c): c is SectionNode => c.kind === 'section'), rollback);
    }
  };
  visit([...walk(runbook.children)].filter((n): n is SectionNode => n.kind === 'section' && runbook.children.includes(n)), false);
  return { rollbackStepIds, stepLabels };
}
