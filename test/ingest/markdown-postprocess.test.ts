import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, postprocess, preprocess } from 'micromark';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event } from 'micromark-util-types';

// The Markdown reader stops subtokenizing once no token is left to tokenize, without the pass
// micromark runs to find that out: this checks that the pass left out changes nothing.

function document(source: string): Event[] {
  return parse().document().write(preprocess()(source, undefined, true));
}

function untilNothingPending(events: Event[]): Event[] {
  const pending = () => events.some(([kind, token]) => kind === 'enter' && token.contentType !== undefined);
  while (pending() && !subtokenize(events));
  return events;
}

const comparable = (events: Event[]) => events.map(([kind, token]) => [kind, token.type, token.start.offset, token.end.offset]);

describe('subtokenizing until nothing is pending', () => {
  it('gives the events of micromark\'s postprocess', () => {
    const piece = fc.constantFrom(
      '> ', '>', '- ', '* ', '1. ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '# ', 'text', '*a*', '`c`', '[l](u)', '```\n',
      '<div>', '---', '===', '[x]: /u', '表格',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 50 }), (parts) => {
        const source = parts.join('');
        expect(comparable(untilNothingPending(document(source)))).toEqual(comparable(postprocess(document(source))));
      }),
      { numRuns: 1000 },
    );
  });
});
