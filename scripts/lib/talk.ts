import { parseTimeString } from '@slidev/parser/utils'

/**
 * The talk's own rules (speaker notes and a title on every slide, quotations verbatim from the
 * archived threads, offline only, the room budgets) are settings of the deck: they apply when the
 * headmatter has a `talk:` block (`talk: {}` for the rules without budgets). Another Slidev deck
 * has none and gets only what stops or breaks Slidev itself.
 */
export function talkRulesOn(headmatter: Record<string, unknown>): boolean {
  return headmatter.talk !== undefined && headmatter.talk !== null
}

/**
 * The room budgets of a talk, from the headmatter's `talk:` block:
 *
 *   duration: 30min          # Slidev's own key: the slot
 *   talk:
 *     questions: 5min        # reserved for questions; spoken time = duration - questions
 *     wordsPerMinute: 130
 *     maxSlides: 32
 *     maxQuotesPerSlide: 2
 *     maxWordsOnScreen: 50
 *     url: https://…          # where to get the slides and sources (the closing slide's QR code)
 *
 * Each limit is optional: a rule is on when its key is set. Text size floors (below) are on
 * whenever the block is there.
 */
export interface TalkBudgets {
  /** Headmatter `duration` in seconds (Slidev's default: 30min). */
  duration: number
  /** `talk.questions` in seconds (default 0). */
  questions: number
  wordsPerMinute?: number
  maxSlides?: number
  maxQuotesPerSlide?: number
  maxWordsOnScreen?: number
  /** `talk.url`: where the audience gets the slides and sources. */
  url?: string
}

export const TALK_KEYS = ['questions', 'wordsPerMinute', 'maxSlides', 'maxQuotesPerSlide', 'maxWordsOnScreen', 'url'] as const

/**
 * Rendered text size floors in screen px at a 1920x1080 viewport: quotations and bullets,
 * captions (attributions, source lines), everything else that is meant to be read.
 */
export const SIZE_FLOORS = { quote: 36, bullet: 36, caption: 20, text: 28 } as const
export type SizeRole = keyof typeof SIZE_FLOORS

export interface TalkRead {
  budgets?: TalkBudgets
  /** What is wrong with the block: the key and why. */
  errors: { key: string, message: string }[]
}

/** Reads and validates the `talk:` block; `budgets` is undefined when there is none. */
export function readTalk(headmatter: Record<string, unknown>): TalkRead {
  const talk = headmatter.talk
  if (talk === undefined || talk === null)
    return { errors: [] }
  const errors: TalkRead['errors'] = []
  if (typeof talk !== 'object' || Array.isArray(talk))
    return { errors: [{ key: 'talk', message: `talk: must be a block of keys (${TALK_KEYS.join(', ')})` }] }
  const t = talk as Record<string, unknown>
  for (const key of Object.keys(t)) {
    if (!(TALK_KEYS as readonly string[]).includes(key))
      errors.push({ key: 'talk', message: `unknown key talk.${key} (known: ${TALK_KEYS.join(', ')})` })
  }
  const time = (key: string, value: unknown, fallback: number): number => {
    if (value === undefined || value === null)
      return fallback
    try {
      const { seconds, relative } = parseTimeString(value as string | number)
      if (!relative && Number.isFinite(seconds) && seconds >= 0)
        return seconds
    }
    catch {}
    errors.push({ key: key === 'duration' ? 'duration' : 'talk', message: `${key === 'duration' ? 'duration' : `talk.${key}`} must be a time such as 30min or 5min, got ${JSON.stringify(value)}` })
    return fallback
  }
  const count = (key: string): number | undefined => {
    const v = t[key]
    if (v === undefined || v === null)
      return undefined
    if (typeof v === 'number' && Number.isInteger(v) && v > 0)
      return v
    errors.push({ key: 'talk', message: `talk.${key} must be a positive whole number, got ${JSON.stringify(v)}` })
    return undefined
  }
  const budgets: TalkBudgets = {
    duration: time('duration', headmatter.duration, 30 * 60),
    questions: time('questions', t.questions, 0),
    wordsPerMinute: count('wordsPerMinute'),
    maxSlides: count('maxSlides'),
    maxQuotesPerSlide: count('maxQuotesPerSlide'),
    maxWordsOnScreen: count('maxWordsOnScreen'),
    url: address(t.url, errors),
  }
  if (budgets.questions >= budgets.duration)
    errors.push({ key: 'talk', message: `talk.questions (${minutes(budgets.questions)}) leaves no time of the ${minutes(budgets.duration)} duration to speak` })
  return { budgets, errors }
}

/** `talk.url` must be an absolute http(s) address, since a phone opens it from the QR code. */
function address(value: unknown, errors: TalkRead['errors']): string | undefined {
  if (value === undefined || value === null)
    return undefined
  try {
    if (typeof value === 'string' && /^https?:$/.test(new URL(value).protocol))
      return value
  }
  catch {}
  errors.push({ key: 'talk', message: `talk.url must be an http(s) address, got ${JSON.stringify(value)}` })
  return undefined
}

/**
 * A `talk.url` on a domain reserved for examples (RFC 2606) is a placeholder the speaker has not
 * replaced yet: worth a warning, not a failure, since the deck itself is fine.
 */
export function isPlaceholderUrl(url: string): boolean {
  return /^(?:[\w-]+\.)*example\.(?:org|com|net)$/i.test(new URL(url).hostname)
}

/** The references slide (exempt from the spoken script and the words-on-screen budget). */
export function isReferencesSlide(content: string): boolean {
  return /<References[\s/>]/.test(content)
}

/** "30 min", "4.5 min" */
export function minutes(seconds: number): string {
  const m = seconds / 60
  return `${Number.isInteger(m) ? m : m.toFixed(1)} min`
}

/** Words as a reader counts them: runs of non-space holding a letter or a digit ("—" is not one). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
}
