import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { headingRole, slug, splitPlannedDuration } from './headings';
import { headingTraits } from './traits';
import { displayRepairer, hasMojibake, stripDecorations } from './mojibake';
import { isSection } from './model';
import { parseChecklistCriterion } from '../alerts';
import { blockCommands, codeBlockRole } from './commands';
import type { CodeBlockNode, RunbookDiagnostic, RunbookNode, SectionNode, TaskNode } from './model';

// One shared tokenizer: CommonMark plus GFM tables, raw HTML blocks kept as tokens.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** The bare markdown-it tokenize, exposed for benchmarks that compare against it. */
export function tokenize(text: string): Token[] {
  return markdown.parse(text, {});
}

const TASK_PREFIX = /^\[([ xX])\][ \t]+/;

/** Plain text of an inline token: markup removed, code spans kept, breaks as spaces. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        text += inlineText(child);
        break;
      default:
        break;
    }
  }
  return text.trim();
}

function firstCommandLine(text: string): string {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length > 0 && !line.startsWith('#')) return line;
  }
  return text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
}

interface OpenSection {
  readonly level: number;
  readonly line: number;
  readonly id: string;
  readonly label: string;
  readonly heading: string;
  readonly plannedMinutes?: number;
  readonly children: RunbookNode[];
  readonly usedIds: Map<string, number>;
  codeCount: number;
  /** For a step made from an ordered-list item: the nesting level of its list_item tokens. */
  readonly listItemLevel?: number;
  /** For such a step: one past its last line (close tokens carry no line map). */
  readonly itemEndLine?: number;
}

function uniqueId(parent: OpenSection, base: string): string {
  const seen = parent.usedIds.get(base) ?? 0;
  parent.usedIds.set(base, seen + 1);
  return seen === 0 ? base : `${base}~${seen + 1}`;
}

function closeSection(open: OpenSection, endLine: number): SectionNode {
  const traits = headingTraits(open.label);
  const options = open.children.filter((c) => c.kind === 'section' && c.role === 'option').length;
  const role = open.listItemLevel !== undefined ? 'step' : headingRole(open.label);
  return {
    kind: 'section',
    id: open.id,
    role,
    level: open.level,
    label: open.label,
    heading: open.heading,
    ...(open.plannedMinutes !== undefined ? { plannedMinutes: open.plannedMinutes } : {}),
    traits: options > 0 && !traits.optionGroup ? { ...traits, optionGroup: true } : traits,
    children: open.children,
    line: open.line,
    endLine,
  };
}

/** True when the list item opened at `start` holds a code block before its close. */
function listItemHasCode(tokens: readonly Token[], start: number): boolean {
  const level = tokens[start]?.level ?? 0;
  for (let j = start + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'list_item_close' && t.level === level) return false;
    if (t.type === 'fence' || t.type === 'code_block') return true;
  }
  return false;
}

/** The text of the first paragraph in the list item opened at `start`. */
function listItemTitle(tokens: readonly Token[], start: number): string {
  const level = tokens[start]?.level ?? 0;
  for (let j = start + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'list_item_close' && t.level === level) break;
    if (t.type === 'inline') return inlineText(t).replace(/:\s*$/, '');
  }
  return '';
}

function isClosedFence(lines: readonly string[], token: Token): boolean {
  const [start = 0, end = 0] = token.map ?? [];
  if (end - start < 2) return false;
  const last = lines[(token.map?.[1] ?? 0) - 1]?.trim() ?? '';
  const marker = token.markup.charAt(0);
  return last.length >= token.markup.length && last.split('').every((c) => c === marker);
}

/** The document structure: what parseRunbook builds on. */
export interface RunbookStructure {
  readonly title?: string;
  readonly subtitle?: string;
  readonly children: RunbookNode[];
  readonly diagnostics: RunbookDiagnostic[];
  readonly lineCount: number;
  readonly repairedMojibake: boolean;
  /** The file's lines (split once, shared with later analysis). */
  readonly lines: () => string[];
}

/** Sections, code blocks (with their commands) and checklist items, with line ranges. Never throws. */
export function parseStructure(text: string): RunbookStructure {
  const tokens = markdown.parse(text, {});
  const repairedMojibake = hasMojibake(text);
  const repair = displayRepairer(repairedMojibake);
  let lazyLines: string[] | undefined;
  const lines = (): string[] => (lazyLines ??= text.split(/\r\n|\r|\n/));
  const lineCount = text.length === 0 ? 0 : lines().length;
  // markdown-it does not count the empty line after a final newline.
  const tokenizedLineCount = /(\r\n|\r|\n)$/.test(text) ? lineCount - 1 : lineCount;
  const diagnostics: RunbookDiagnostic[] = [];

  const root: OpenSection = { level: 0, line: 0, id: '', label: '', heading: '', children: [], usedIds: new Map(), codeCount: 0 };
  const stack: OpenSection[] = [root];
  const top = (): OpenSection => stack[stack.length - 1] ?? root;
  let h1Count = 0;
  let codeCount = 0;
  let taskCount = 0;

  const lists: Array<'ordered' | 'bullet'> = [];
  /** The paragraph right before a code block, e.g. "**Expected Output**:". */
  let caption: string | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const pendingCaption = caption;
    if (token.type !== 'paragraph_close' && token.type !== 'inline') caption = undefined;
    switch (token.type) {
      case 'ordered_list_open':
        lists.push('ordered');
        break;
      case 'bullet_list_open':
        lists.push('bullet');
        break;
      case 'ordered_list_close':
      case 'bullet_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        // A numbered list whose items carry code blocks is a list of steps.
        if (lists[lists.length - 1] !== 'ordered' || !listItemHasCode(tokens, i)) break;
        const parent = top();
        const title = repair(listItemTitle(tokens, i)) || `Step ${token.info || parent.children.length + 1}`;
        const { label, minutes } = splitPlannedDuration(stripDecorations(title));
        const numbered = /^\d/.test(label) || !token.info ? label : `${token.info}. ${label}`;
        stack.push({
          level: 7 + token.level,
          line: token.map?.[0] ?? 0,
          id: uniqueId(parent, `${parent.id}/${slug(numbered)}`),
          label: numbered,
          heading: title,
          ...(minutes !== undefined ? { plannedMinutes: minutes } : {}),
          children: [],
          usedIds: new Map(),
          codeCount: 0,
          listItemLevel: token.level,
          itemEndLine: token.map?.[1] ?? (token.map?.[0] ?? 0) + 1,
        });
        break;
      }
      case 'list_item_close': {
        const open = top();
        if (open.listItemLevel === token.level && stack.length > 1) {
          stack.pop();
          top().children.push(closeSection(open, open.itemEndLine ?? open.line + 1));
        }
        break;
      }
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        const line = token.map?.[0] ?? 0;
        while (stack.length > 1 && top().level >= level) {
          const done = stack.pop() as OpenSection;
          top().children.push(closeSection(done, line));
        }
        if (level === 1) h1Count++;
        const heading = repair(inlineText(tokens[i + 1]));
        const { label, minutes } = splitPlannedDuration(stripDecorations(heading));
        const parent = top();
        // The document's title heading adds nothing to ids, so renaming the title keeps state.
        const isLeadingTitle = level === 1 && h1Count === 1 && stack.length === 1 && !root.children.some(isSection);
        const id = isLeadingTitle ? '' : uniqueId(parent, `${parent.id}/${slug(label)}`);
        stack.push({
          level,
          line,
          id,
          label: label.length > 0 ? label : `(untitled heading, line ${line + 1})`,
          heading,
          ...(minutes !== undefined ? { plannedMinutes: minutes } : {}),
          children: [],
          usedIds: new Map(),
          codeCount: 0,
        });
        i += 2; // inline + heading_close
        break;
      }
      case 'fence':
      case 'code_block': {
        const map = token.map ?? [0, 0];
        const parent = top();
        const content = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
        const id = `${parent.id}#code${++parent.codeCount}`;
        const lang = token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '';
        const role = codeBlockRole(lang, pendingCaption, content);
        const contentLine = token.type === 'fence' ? map[0] + 1 : map[0];
        const node: CodeBlockNode = {
          kind: 'code',
          id,
          lang,
          text: content,
          displayText: repair(content),
          firstCommand: repair(firstCommandLine(content)),
          ...(pendingCaption !== undefined ? { caption: pendingCaption } : {}),
          fence: token.type === 'code_block' ? 'indented' : token.markup.startsWith('~') ? 'tilde' : 'backtick',
          line: map[0],
          endLine: map[1],
          role,
          commands: role === 'commands' ? blockCommands(id, content, lang, contentLine) : [],
        };
        parent.children.push(node);
        codeCount++;
        if (token.type === 'fence' && map[1] >= tokenizedLineCount && !isClosedFence(lines(), token)) {
          diagnostics.push({
            severity: 'warning',
            code: 'unterminated-fence',
            message: `Code block opened with ${token.markup} is never closed; it runs to the end of the file.`,
            line: map[0],
            column: 0,
          });
        }
        break;
      }
      case 'inline': {
        // Paragraph text (headings skip their inline token): captions and task items.
        const prev = tokens[i - 1];
        const itemOpen = tokens[i - 2];
        if (prev?.type === 'paragraph_open') caption = repair(inlineText(token));
        if (prev?.type === 'paragraph_open' && itemOpen?.type === 'list_item_open') {
          const match = TASK_PREFIX.exec(token.content);
          if (match) {
            const parent = top();
            const taskText = repair(inlineText(token).replace(TASK_PREFIX, ''));
            const map = token.map ?? [0, 0];
            const node: TaskNode = {
              kind: 'task',
              id: uniqueId(parent, `${parent.id}::${taskText.toLowerCase().replace(/\s+/g, ' ')}`),
              text: taskText,
              checked: match[1] !== ' ',
              ...criterionOf(taskText),
              line: map[0],
              endLine: map[1],
            };
            parent.children.push(node);
            taskCount++;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  while (stack.length > 1) {
    const done = stack.pop() as OpenSection;
    top().children.push(closeSection(done, lineCount));
  }

  let children = root.children;
  let title: string | undefined;
  let subtitle: string | undefined;
  const titleIndex = children.findIndex((n) => n.kind === 'section' && n.level === 1);
  const titleNode = children[titleIndex];
  if (h1Count === 1 && titleNode?.kind === 'section') {
    title = titleNode.label;
    const inner = [...titleNode.children];
    const first = inner[0];
    if (first?.kind === 'section' && first.children.length === 0 && isEmptyBody(tokens, first)) {
      subtitle = first.label;
      inner.shift();
    }
    children = [...children.slice(0, titleIndex), ...inner, ...children.slice(titleIndex + 1)];
  }

  if (codeCount === 0 && taskCount === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-steps',
      message:
        'No runbook steps found: a runbook needs fenced shell code blocks (```bash) or task-list items (- [ ]) under its headings.',
      line: 0,
      column: 0,
    });
  }

  return {
    ...(title !== undefined ? { title } : {}),
    ...(subtitle !== undefined ? { subtitle } : {}),
    children,
    diagnostics,
    lineCount,
    repairedMojibake,
    lines,
  };
}

function criterionOf(taskText: string): Pick<TaskNode, 'criterion'> {
  const criterion = parseChecklistCriterion(taskText);
  return criterion ? { criterion } : {};
}

/** True when nothing but thematic breaks stands between a heading and the next heading. */
function isEmptyBody(tokens: readonly Token[], section: SectionNode): boolean {
  for (const token of tokens) {
    const start = token.map?.[0];
    if (start === undefined || token.level !== 0) continue;
    if (start > section.line && start < section.endLine && token.type !== 'hr') return false;
  }
  return true;
}
