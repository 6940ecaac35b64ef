import type { KeyPath } from './keyPath';
import type { ConfigLocator, YamlSource } from './yamlSource';

/**
 * A locator over several texts of one merged config, highest precedence first (front matter,
 * then sidecar): a path is located in the text that writes the most of it; on a tie, the
 * earlier one, whose value won the merge.
 */
export function combineLocators(sources: readonly YamlSource[]): ConfigLocator {
  return {
    locate(path: KeyPath, target) {
      let best: YamlSource | undefined;
      let bestDepth = -1;
      for (const source of sources) {
        const depth = source.depthOf(path);
        if (depth > bestDepth) {
          best = source;
          bestDepth = depth;
        }
      }
      if (best === undefined) throw new Error('combineLocators needs at least one source');
      return best.locate(path, target);
    },
  };
}
