/**
 * The few public exports of `@slidev/client` the deck's own Vue files use, typed narrowly.
 * tsconfig.json maps `@slidev/client` here for type-checking only (Vite still resolves the real
 * package): the real one ships its TypeScript sources, which `vue-tsc` would check under this
 * project's strict settings, and they do not pass.
 */
import type { ComputedRef, Ref } from 'vue'

export function useNav(): {
  currentSlideNo: ComputedRef<number>
  isPresenter: ComputedRef<boolean>
  isPrintMode: ComputedRef<boolean>
  /** Slides shown by the print route (its `?range=`). */
  printRange: Ref<number[]>
  total: ComputedRef<number>
}

/** Slidev's state shared between the presenter and the audience windows (state/shared.ts). */
export const sharedState: {
  timer: {
    status: 'stopped' | 'running' | 'paused'
    startedAt: number
    pausedAt: number
  }
}

export type { Ref }
