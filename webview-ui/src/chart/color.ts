/**
 * Canvas colours from CSS colour strings. VS Code's `--vscode-*` variables hold hex colours
 * (`#f14c4c`, `#ffffff12`) or `rgba(…)`; the chart needs them with another alpha for fills.
 * Pure: no DOM.
 */

/** `color` with its alpha multiplied by `alpha` (0..1), as `rgba(r, g, b, a)`; unknown syntax is returned as is. */
export function withAlpha(color: string, alpha: number): string {
  const rgba = parseColor(color);
  if (rgba === undefined) return color;
  const a = Math.round(Math.min(1, Math.max(0, rgba[3] * alpha)) * 1000) / 1000;
  return `rgba(${rgba[0]}, ${rgba[1]}, ${rgba[2]}, ${a})`;
}

/** `[r, g, b, a]` (0–255, alpha 0..1) of `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` or `rgba(…)`. */
export function parseColor(color: string): [number, number, number, number] | undefined {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(c)?.[1];
  if (hex !== undefined) {
    if (hex.length === 3 || hex.length === 4) {
      const d = [...hex].map((ch) => parseInt(ch + ch, 16));
      return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, hex.length === 4 ? (d[3] ?? 255) / 255 : 1];
    }
    if (hex.length === 6 || hex.length === 8) {
      const d = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2) || 'ff', 16));
      return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0, hex.length === 8 ? (d[3] ?? 255) / 255 : 1];
    }
    return undefined;
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c);
  if (fn === null) return undefined;
  const alphaText = fn[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return [Number(fn[1]), Number(fn[2]), Number(fn[3]), alpha];
}
