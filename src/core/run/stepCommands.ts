import type { RunbookCommand, SectionNode } from '../runbook';

/** A command with the section that holds it. */
export interface CommandInSection {
  readonly command: RunbookCommand;
  /** The innermost section holding the command's block. */
  readonly stepId: string;
}

/**
 * Chooses the options of an option group to include: the group and its options in document
 * order. Returns the chosen ones (usually one).
 */
export type OptionChooser = (group: SectionNode, options: readonly SectionNode[]) => readonly SectionNode[];

/** The options of an option group: its sub-sections of role `option` (none: not really a group). */
export function optionsOf(section: SectionNode): SectionNode[] {
  if (!section.traits.optionGroup) return [];
  return section.children.filter((n): n is SectionNode => n.kind === 'section' && n.role === 'option');
}

function collect(section: SectionNode, choose: OptionChooser, includeRollback: boolean, out: CommandInSection[]): void {
  const options = optionsOf(section);
  const chosen = options.length > 0 ? new Set(choose(section, options)) : undefined;
  for (const child of section.children) {
    if (child.kind === 'code') {
      if (child.role === 'commands') for (const command of child.commands) out.push({ command, stepId: section.id });
    } else if (child.kind === 'section') {
      if (chosen && child.role === 'option' && !chosen.has(child)) continue;
      if (child.traits.rollback && !includeRollback) continue;
      collect(child, choose, includeRollback, out);
    }
  }
}

/**
 * The commands of a section in the order an operator runs them: its own `commands` blocks,
 * then its sub-sections in document order (markdown puts a section's own text before its
 * sub-headings). For an option group only the chosen option(s). Rollback sub-sections are left
 * out unless the section itself is a rollback procedure: running a step never rolls it back.
 */
export function commandsOfSection(section: SectionNode, choose: OptionChooser): CommandInSection[] {
  const out: CommandInSection[] = [];
  collect(section, choose, section.traits.rollback === true, out);
  return out;
}

/** The section id a command id belongs to: `<section id>#code<n>:<index>` → `<section id>`. */
export function sectionIdOfCommand(commandId: string): string {
  const hash = commandId.lastIndexOf('#code');
  return hash < 0 ? '' : commandId.slice(0, hash);
}
