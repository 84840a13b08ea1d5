// Slidev bundles Mermaid through this exact entry; the renderer imports the same one so that
// Vite ships a single copy of Mermaid.
declare module 'mermaid/dist/mermaid.esm.mjs' {
  import type Mermaid from 'mermaid'
  const mermaid: typeof Mermaid
  export default mermaid
}

// setup/cited-sources.ts: the registry ids the deck cites, in deck order.
declare module 'virtual:cited-sources' {
  export const cited: string[]
}

// setup/talk-plan.ts: the planned start of every slide, for the presenter view's pacing.
declare module 'virtual:talk-plan' {
  import type { TalkPlan } from './setup/pacing-status.ts'
  export const plan: TalkPlan | null
}
