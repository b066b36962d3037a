import { h } from './dom.ts';
import { PHI_TYPES_SHOWN, type PhiType } from './phiTypes.ts';

/** A list of colour swatches naming each type (colours come from styles.css by data-type). */
export function typeLegend(types: readonly PhiType[] = PHI_TYPES_SHOWN, label = 'Colours by type'): HTMLUListElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': label },
    ...types.map((type) => h('li', {}, h('span', { class: 'swatch', 'data-type': type, 'aria-hidden': 'true' }), type)),
  );
}
