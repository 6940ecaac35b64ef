/** Escapes text for a VS Code snippet: `$`, `}` and `\` get a backslash. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A piece of generated text: literal, an editable tab stop, or a mirror of an earlier tab stop. */
export type TextPart = string | { stop: number; text: string } | { mirror: number; text: string };

/** Builds text once and renders it as plain markdown or as a snippet with tab stops. */
export class SnippetText {
  private readonly parts: TextPart[] = [];
  private nextStop = 1;

  add(text: string): this {
    this.parts.push(text);
    return this;
  }

  /** Adds an editable tab stop with default `text`; returns its number (1, 2, … in order). */
  stop(text: string): number {
    const stop = this.nextStop++;
    this.parts.push({ stop, text });
    return stop;
  }

  mirror(stop: number, text: string): this {
    this.parts.push({ mirror: stop, text });
    return this;
  }

  toPlain(): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  }

  /** Snippet syntax, with the final cursor `$0` at the end. */
  toSnippet(): string {
    const body = this.parts
      .map((p) => {
        if (typeof p === 'string') return escapeSnippetText(p);
        if ('stop' in p) return `\${${p.stop}:${escapeSnippetText(p.text)}}`;
        return `\${${p.mirror}}`;
      })
      .join('');
    return `${body}$0`;
  }
}
