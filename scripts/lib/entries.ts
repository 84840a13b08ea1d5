/**
 * The talk's entries, the one place that lists them: the full talk and its cut. `npm run export:all`
 * exports every format of each (scripts/export.ts); tests/ten-minute-cut.test.ts lints and checks the cut.
 */
export const TALK_ENTRIES = ['slides.md', 'slides-10min.md'] as const
