/**
 * Console errors and requests cannot be tied to a slide by the DOM: Slidev mounts the previous
 * and next slides along with the visited one. Each visit records which slides were mounted; an
 * event is blamed on the slide whose set of mounting visits matches the visits where the event
 * was seen (for a deterministic event, exactly one slide). Events seen in every visit with no
 * slide mounted in all of them belong to the whole deck (undefined).
 */
export function attributeEvent(seenIn: Set<number>, mounted: Map<number, Set<number>>): number | undefined {
  // mounted: visit (slide no) -> slides mounted during that visit
  const mountingVisits = new Map<number, Set<number>>()
  for (const [visit, slides] of mounted) {
    for (const s of slides) {
      let set = mountingVisits.get(s)
      if (!set)
        mountingVisits.set(s, set = new Set())
      set.add(visit)
    }
  }
  let best: number | undefined
  let bestExtra = Infinity
  for (const [slide, visits] of [...mountingVisits].sort((a, b) => a[0] - b[0])) {
    if (![...seenIn].every(v => visits.has(v)))
      continue
    const extra = [...visits].filter(v => !seenIn.has(v)).length
    const better = extra < bestExtra || (extra === bestExtra && seenIn.has(slide) && !(best !== undefined && seenIn.has(best)))
    if (better) {
      best = slide
      bestExtra = extra
    }
  }
  // Seen in every visit: the page as a whole (app boot, headmatter), not one slide.
  if (mounted.size > 1 && seenIn.size === mounted.size)
    return undefined
  return best
}
