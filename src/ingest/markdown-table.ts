import { gfmTable } from 'micromark-extension-gfm-table';
import type { Construct, Event, Extension, State, TokenizeContext } from 'micromark-util-types';

/**
 * GFM tables exactly as micromark-extension-gfm-table reads them, but a line is not tried as a
 * table's head row when the source line after it holds none of the characters a delimiter row
 * is made of ('-', ':', '|'): the head row would be read to its end and then given up. The
 * extension tries every line that starts a block; on prose that is a fifth of micromark's
 * block parse. Lines that may continue a table (body rows) are always tried.
 */
export function gfmTableWithLookahead(source: string): Extension {
  const table = gfmTable().flow!.null as Construct;
  // micromark skips a leading byte order mark, so its offsets are one short of the source's.
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const construct: Construct = {
    ...table,
    tokenize(effects, ok, nok): State {
      const start = table.tokenize.call(this, effects, ok, nok);
      return (code) => (continuesTable(this) || delimiterRowMayFollow(source, this.now().offset + shift) ? start(code) : nok(code));
    },
  };
  return { flow: { null: construct } };
}

/** Whether the block before is a table's head or row, which the extension then tries to continue. */
function continuesTable(context: TokenizeContext): boolean {
  const events: Event[] = context.events;
  let index = events.length - 1;
  while (index > -1 && (events[index][1].type === 'lineEnding' || events[index][1].type === 'linePrefix')) index--;
  const tail = index > -1 ? events[index][1].type : null;
  return tail === 'tableHead' || tail === 'tableRow';
}

/** Whether the source line after the one `offset` is on has a '-', ':' or '|'. */
export function delimiterRowMayFollow(source: string, offset: number): boolean {
  let i = offset;
  while (i < source.length && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
  if (i >= source.length) return false;
  i += source.startsWith('\r\n', i) ? 2 : 1;
  for (; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    if (code === 45 || code === 58 || code === 124) return true;
  }
  return false;
}
