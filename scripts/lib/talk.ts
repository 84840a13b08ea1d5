import { parseTimeString } from '@slidev/parser/utils'

/**
 * The talk's own rules (speaker notes and a title on every slide, quotations verbatim from the
 * archived threads, offline only, the room budgets) are settings of the deck: they apply when the
 * headmatter has a `talk:` block (`talk: {}` for the rules without budgets). Another Slidev deck
 * has none and gets only what stops or breaks Slidev itself.
 */
export const talkRulesOn = (headmatter: Record<string, unknown>): boolean => headmatter.talk != null

const COUNTS = ['wordsPerMinute', 'maxSlides', 'maxQuotesPerSlide', 'maxWordsOnScreen'] as const
/**
 * The room budgets, from Slidev's `duration` (the slot, default 30min) and the `talk:` block:
 * `questions` (time kept for questions: spoken time = duration - questions), `wordsPerMinute`,
 * `maxSlides`, `maxQuotesPerSlide`, `maxWordsOnScreen`, `url` (where the audience gets the slides,
 * the closing slide's QR code). A rule is on when its key is set; times are in seconds.
 */
export type TalkBudgets = { duration: number, questions: number, url?: string } & { [K in typeof COUNTS[number]]?: number }
const TALK_KEYS = ['questions', ...COUNTS, 'url']

/**
 * Rendered text size floors in screen px at a 1920x1080 viewport (on whenever `talk:` is there):
 * quotations and bullets, captions (attributions, source lines), everything else meant to be read.
 */
export const SIZE_FLOORS = { quote: 36, bullet: 36, caption: 20, text: 28 } as const
export type SizeRole = keyof typeof SIZE_FLOORS

/** Reads and validates the `talk:` block; `budgets` is undefined when there is none; `errors` name the key and why. */
export function readTalk(headmatter: Record<string, unknown>): { budgets?: TalkBudgets, errors: { key: string, message: string }[] } {
  const talk = headmatter.talk
  if (!talkRulesOn(headmatter))
    return { errors: [] }
  if (typeof talk !== 'object' || Array.isArray(talk))
    return { errors: [{ key: 'talk', message: `talk: must be a block of keys (${TALK_KEYS.join(', ')})` }] }
  const t = talk as Record<string, unknown>
  const errors = Object.keys(t).filter(k => !TALK_KEYS.includes(k)).map(k => ({ key: 'talk', message: `unknown key talk.${k} (known: ${TALK_KEYS.join(', ')})` }))
  const check = <T>(key: string, value: unknown, ok: (v: unknown) => T | undefined, want: string): T | undefined => {
    const v = value === undefined || value === null ? undefined : ok(value)
    if (v === undefined && value !== undefined && value !== null)
      errors.push({ key: key === 'duration' ? key : 'talk', message: `${key} must be ${want}, got ${JSON.stringify(value)}` })
    return v
  }
  const time = (v: unknown) => {
    try {
      const { seconds, relative } = parseTimeString(v as string | number)
      return !relative && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined
    }
    catch {}
  }
  const duration = check('duration', headmatter.duration, time, 'a time such as 30min or 5min') ?? 30 * 60
  const budgets: TalkBudgets = { duration, questions: check('talk.questions', t.questions, time, 'a time such as 30min or 5min') ?? 0 }
  for (const key of COUNTS)
    budgets[key] = check(`talk.${key}`, t[key], v => typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined, 'a positive whole number')
  // An absolute http(s) address, since a phone opens it from the QR code.
  budgets.url = check('talk.url', t.url, v => typeof v === 'string' && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol) ? v : undefined, 'an http(s) address')
  if (budgets.questions >= budgets.duration)
    errors.push({ key: 'talk', message: `talk.questions (${minutes(budgets.questions)}) leaves no time of the ${minutes(budgets.duration)} duration to speak` })
  return { budgets, errors }
}

/**
 * A `talk.url` on a domain reserved for examples (RFC 2606) is a placeholder the speaker has not
 * replaced yet: worth a warning, not a failure, since the deck itself is fine.
 */
export const isPlaceholderUrl = (url: string) => /^(?:[\w-]+\.)*example\.(?:org|com|net)$/i.test(new URL(url).hostname)

/** The references slide (exempt from the spoken script and the words-on-screen budget). */
export function isReferencesSlide(content: string): boolean {
  return /<References[\s/>]/.test(content)
}

/** "30 min", "4.5 min" */
export const minutes = (seconds: number) => `${Number.isInteger(seconds / 60) ? seconds / 60 : (seconds / 60).toFixed(1)} min`

/** Slidev's click markers in speaker notes: `[click]`, `[click:3]`, `[click:+1]`. */
export const CLICK_MARKER = /\[click(?::\s*[+-]?\d+)?\]/gi

/** Words as a reader counts them: runs of non-space holding a letter or a digit ("—" is not one). */

export const countWords = (text: string) => text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
