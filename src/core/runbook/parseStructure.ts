import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { headingRole, slug, splitPlannedDuration } from './headings';
import { headingTraits } from './traits';
import { displayRepairer, hasMojibake, stripDecorations } from './mojibake';
import { isSection } from './model';
import { parseChecklistCriterion } from '../alerts';
import { blockCommands, codeBlockRole } from './commands';
import type { CodeBlockNode, Runbook, RunbookDiagnostic, RunbookNode, SectionNode, TaskNode } from './model';

// One shared tokenizer: CommonMark plus GFM tables, raw HTML blocks kept as tokens.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** The bare markdown-it tokenize, exposed for benchmarks that compare against it. */
export function tokenize(text: string): Token[] {
  return markdown.parse(text, {});
}

const TASK_PREFIX = /^\[([ xX])\][ \t]+/;

/**
 * The same tokenizer without its inline pass (and the text join after it): parseStructure
 * reads the inline content of headings, list item titles, task items and captions only, so
 * it parses those when it reads them (see inlineText) and leaves the other paragraphs alone.
 */
const blockMarkdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
blockMarkdown.core.ruler.disable(['inline', 'text_join']);

/** The environment of one parse: the link reference definitions its inline content may use. */
interface MarkdownEnv {
  references?: Record<string, unknown>;
}

/**
 * Characters at which an inline rule other than plain text can start (newline, escape,
 * backticks, strikethrough, emphasis, link, image, autolink, inline HTML, entity). Content
 * without any is one text token: its plain text is the content, trimmed.
 */
const INLINE_MARKUP = charTable('\n\\`~_*[!<&');

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function hasInlineMarkup(content: string, from: number): boolean {
  for (let i = from; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c >= 128 || INLINE_MARKUP[c] !== 1) continue;
    const next = content.charCodeAt(i + 1);
    switch (c) {
      // `< 5`: neither an autolink nor inline HTML (both need a letter, a scheme or an address after `<`).
      case 0x3c:
        if (next === 0x20 || next === 0x09) continue;
        return true;
      // `!` is an image only before `[`.
      case 0x21:
        if (next !== 0x5b) continue;
        return true;
      // `&` is an entity only before `#` or a letter.
      case 0x26:
        if (next !== 0x23 && !((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a)) continue;
        return true;
      // A single `~` is no strikethrough delimiter (those take two).
      case 0x7e:
        if (next !== 0x7e && content.charCodeAt(i - 1) !== 0x7e) continue;
        return true;
      default:
        return true;
    }
  }
  return false;
}

/**
 * True when markdown-it makes one text token of an inline token's content. A task item's
 * `[ ]` or `[x]` is never a link when the document defines no link reference (a space follows
 * it, not `(`), so it does not count as markup then.
 */
function isPlainInline(content: string, env: MarkdownEnv): boolean {
  const from = env.references === undefined && TASK_PREFIX.test(content) ? 3 : 0;
  return !hasInlineMarkup(content, from);
}

/**
 * Plain text of an inline token: markup removed, code spans kept, breaks as spaces. Exactly
 * what the full tokenizer's children give (text_special joined into text at the top level,
 * as its text_join rule does), parsing the content only when it holds markup.
 */
function inlineText(token: Token | undefined, env: MarkdownEnv): string {
  if (token?.type !== 'inline') return childrenText(token, false);
  if (isPlainInline(token.content, env)) return token.content.trim();
  const children: Token[] = [];
  blockMarkdown.inline.parse(token.content, blockMarkdown, env, children);
  return childrenText({ children, content: token.content }, true);
}

function childrenText(token: Pick<Token, 'children' | 'content'> | undefined, joined: boolean): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'text_special':
        if (joined) text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        text += childrenText(child, false);
        break;
      default:
        break;
    }
  }
  return text.trim();
}

function firstCommandLine(text: string): string {
  let firstNonBlank: string | undefined;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).trim();
    if (line.length > 0) {
      if (!line.startsWith('#')) return line;
      firstNonBlank ??= line;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return firstNonBlank ?? '';
}

interface OpenSection {
  readonly level: number;
  readonly line: number;
  readonly id: string;
  readonly label: string;
  readonly heading: string;
  readonly plannedMinutes: number | undefined;
  readonly children: RunbookNode[];
  codeCount: number;
  /** For a step made from an ordered-list item: the nesting level of its list_item tokens. */
  readonly listItemLevel: number | undefined;
  /** For such a step: one past its last line (close tokens carry no line map). */
  readonly itemEndLine: number | undefined;
}

/** Ids unique across the whole document: tree items and persisted checkbox state rely on it. */
class IdRegistry {
  private readonly used = new Set<string>();

  unique(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}~${n}`;
    this.used.add(id);
    return id;
  }
}

function closeSection(open: OpenSection, endLine: number): SectionNode {
  const fromHeading = headingTraits(open.label);
  let hasOption = false;
  for (const c of open.children) {
    if (c.kind === 'section' && c.role === 'option') {
      hasOption = true;
      break;
    }
  }
  const role = open.listItemLevel !== undefined ? 'step' : headingRole(open.label);
  const traits = hasOption && !fromHeading.optionGroup ? { ...fromHeading, optionGroup: true as const } : fromHeading;
  const { id, level, label, heading, children, line, plannedMinutes } = open;
  return plannedMinutes !== undefined
    ? { kind: 'section', id, role, level, label, heading, plannedMinutes, traits, children, line, endLine }
    : { kind: 'section', id, role, level, label, heading, traits, children, line, endLine };
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
function listItemTitle(tokens: readonly Token[], start: number, env: MarkdownEnv): string {
  const level = tokens[start]?.level ?? 0;
  for (let j = start + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.type === 'list_item_close' && t.level === level) break;
    if (t.type === 'inline') return inlineText(t, env).replace(/:\s*$/, '');
  }
  return '';
}

/** The info string's first word, lower-cased (what `info.trim().split(/\s+/)[0]` gives). */
function infoLanguage(info: string): string {
  const trimmed = info.trim();
  const space = trimmed.search(/\s/);
  return (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
}

function isClosedFence(lines: readonly string[], token: Token): boolean {
  const [start = 0, end = 0] = token.map ?? [];
  if (end - start < 2) return false;
  const last = lines[(token.map?.[1] ?? 0) - 1]?.trim() ?? '';
  const marker = token.markup.charAt(0);
  return last.length >= token.markup.length && last.split('').every((c) => c === marker);
}

/** The document structure: what parseRunbook builds on. */
export interface RunbookStructure extends Pick<Runbook, 'title' | 'subtitle' | 'children' | 'lineCount' | 'repairedMojibake'> {
  readonly diagnostics: RunbookDiagnostic[];
  /** The file's lines (split once, shared with later analysis). */
  readonly lines: () => string[];
}

/** Sections, code blocks (with their commands) and checklist items, with line ranges. Never throws. */
export function parseStructure(text: string): RunbookStructure {
  const env: MarkdownEnv = {};
  const tokens = blockMarkdown.parse(text, env);
  const repairedMojibake = hasMojibake(text);
  const repair = displayRepairer(repairedMojibake);
  let lazyLines: string[] | undefined;
  const lines = (): string[] => (lazyLines ??= text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n'));
  const lineCount = text.length === 0 ? 0 : lines().length;
  // markdown-it does not count the empty line after a final newline.
  const lastChar = text.charCodeAt(text.length - 1);
  const tokenizedLineCount = lastChar === 0x0a || lastChar === 0x0d ? lineCount - 1 : lineCount;
  const diagnostics: RunbookDiagnostic[] = [];

  const root: OpenSection = {
    level: 0,
    line: 0,
    id: '',
    label: '',
    heading: '',
    plannedMinutes: undefined,
    children: [],
    codeCount: 0,
    listItemLevel: undefined,
    itemEndLine: undefined,
  };
  const ids = new IdRegistry();
  const stack: OpenSection[] = [root];
  const top = (): OpenSection => stack[stack.length - 1] ?? root;
  let h1Count = 0;
  let codeCount = 0;
  let taskCount = 0;

  const lists: Array<'ordered' | 'bullet'> = [];
  /** The inline token of the paragraph right before a code block, e.g. "**Expected Output**:". */
  let caption: Token | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const pendingCaptionToken = caption;
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
        const title = repair(listItemTitle(tokens, i, env)) || `Step ${token.info || parent.children.length + 1}`;
        const { label, minutes } = splitPlannedDuration(stripDecorations(title));
        const numbered = /^\d/.test(label) || !token.info ? label : `${token.info}. ${label}`;
        stack.push({
          level: 7 + token.level,
          line: token.map?.[0] ?? 0,
          id: ids.unique(`${parent.id}/${slug(numbered)}`),
          label: numbered,
          heading: title,
          plannedMinutes: minutes,
          children: [],
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
        const heading = repair(inlineText(tokens[i + 1], env));
        const { label, minutes } = splitPlannedDuration(stripDecorations(heading));
        const parent = top();
        // The document's title heading adds nothing to ids, so renaming the title keeps state.
        const isLeadingTitle = level === 1 && h1Count === 1 && stack.length === 1 && !root.children.some(isSection);
        const id = isLeadingTitle ? '' : ids.unique(`${parent.id}/${slug(label)}`);
        stack.push({
          level,
          line,
          id,
          label: label.length > 0 ? label : `(untitled heading, line ${line + 1})`,
          heading,
          plannedMinutes: minutes,
          children: [],
                codeCount: 0,
          listItemLevel: undefined,
          itemEndLine: undefined,
        });
        i += 2; // inline + heading_close
        break;
      }
      case 'fence':
      case 'code_block': {
        const map = token.map ?? [0, 0];
        const parent = top();
        // The caption is read here only: markdown-it parses every paragraph, this reads those before a code block.
        const pendingCaption = pendingCaptionToken ? repair(inlineText(pendingCaptionToken, env)) : undefined;
        const content = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
        const id = ids.unique(`${parent.id}#code${++parent.codeCount}`);
        const lang = token.type === 'fence' ? infoLanguage(token.info) : '';
        const role = codeBlockRole(lang, pendingCaption, content);
        const contentLine = token.type === 'fence' ? map[0] + 1 : map[0];
        const displayText = repair(content);
        const firstCommand = repair(firstCommandLine(content));
        const fence = token.type === 'code_block' ? 'indented' : token.markup.startsWith('~') ? 'tilde' : 'backtick';
        const commands = role === 'commands' ? blockCommands(id, content, lang, contentLine) : [];
        const line = map[0];
            const endLine = map[1];
        const node: CodeBlockNode =
          pendingCaption !== undefined
            ? { kind: 'code', id, lang, text: content, displayText, firstCommand, caption: pendingCaption, fence, line, endLine, role, commands }
            : { kind: 'code', id, lang, text: content, displayText, firstCommand, fence, line, endLine, role, commands };
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
        if (prev?.type === 'paragraph_open') caption = token;
        if (prev?.type === 'paragraph_open' && itemOpen?.type === 'list_item_open') {
          const match = TASK_PREFIX.exec(token.content);
          if (match) {
            const parent = top();
            const taskText = repair(inlineText(token, env).replace(TASK_PREFIX, ''));
            const map = token.map ?? [0, 0];
            const id = ids.unique(`${parent.id}::${taskText.toLowerCase().replace(/\s+/g, ' ')}`);
            const checked = match[1] !== ' ';
            const criterion = parseChecklistCriterion(taskText);
            const line = map[0];
            const endLine = map[1];
            const node: TaskNode = criterion
              ? { kind: 'task', id, text: taskText, checked, criterion, line, endLine }
              : { kind: 'task', id, text: taskText, checked, line, endLine };
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

/** True when nothing but thematic breaks stands between a heading and the next heading. */
function isEmptyBody(tokens: readonly Token[], section: SectionNode): boolean {
  for (const token of tokens) {
    const start = token.map?.[0];
    if (start === undefined || token.level !== 0) continue;
    if (start > section.line && start < section.endLine && token.type !== 'hr') return false;
  }
  return true;
}
