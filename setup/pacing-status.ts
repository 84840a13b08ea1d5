/**
 * Where the speaker is against the talk's plan (setup/talk-plan.ts): pure functions, shared by the
 * presenter view's pacing (custom-nav-controls.vue) and the tests. Times are in seconds.
 */
export interface TalkPlan {
  wordsPerMinute: number
  /** Spoken time: duration - talk.questions. */
  slot: number
  /** Every slide in deck order: planned start and length (0 for the references). */
  slides: { no: number, start: number, seconds: number, chapter: number }[]
  /** `src:` files in deck order, as the lint's timing table groups them. */
  chapters: { file: string, label: string, start: number, end: number }[]
}

/** Within this many seconds of the current slide's planned window counts as on pace. */
export const ON_PACE_SECONDS = 15

export interface PaceStatus {
  /** "on pace", "1:20 behind", "0:40 ahead" */
  pace: string
  /** Seconds behind (> 0) or ahead (< 0) of the current slide's planned window; 0 on pace. */
  offset: number
  /** "chapter 3: 2:10 left": planned time of this slide and the rest of its chapter. */
  chapter: string
}

/** "1:20", "12:05" (whole seconds, rounded). */
export function clock(seconds: number): string {
  const s = Math.round(Math.abs(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * On slide `no`, `elapsed` seconds into the talk: ahead if the slide's planned start is still to
 * come, behind if its planned end has passed, on pace in between (with ON_PACE_SECONDS of slack).
 * The chapter figure is the plan's time from this slide's start to the chapter's end.
 */
export function paceAt(plan: TalkPlan, no: number, elapsed: number): PaceStatus | undefined {
  const s = plan.slides[no - 1]
  const c = s && plan.chapters[s.chapter]
  if (!s || !c)
    return undefined
  const end = s.start + s.seconds
  const offset = elapsed < s.start - ON_PACE_SECONDS
    ? elapsed - s.start
    : elapsed > end + ON_PACE_SECONDS ? elapsed - end : 0
  const pace = offset === 0 || clock(offset) === '0:00' ? 'on pace' : `${clock(offset)} ${offset > 0 ? 'behind' : 'ahead'}`
  return { pace, offset, chapter: `${c.label}: ${clock(c.end - s.start)} left` }
}
