import { defineVitePluginsSetup } from '@slidev/types'
import { citedSources } from './cited-sources.ts'
import { talkPlan } from './talk-plan.ts'

// Slidev calls this with its resolved options, so both virtual modules follow the entry being
// served or built (slides.md or slides-10min.md); vite.config.ts does not know the entry.
//   virtual:cited-sources: what the deck's slides cite, for components/References.vue
//   virtual:talk-plan: each slide's planned start, for the presenter's pacing (custom-nav-controls.vue)
export default defineVitePluginsSetup(options => [
  citedSources(options.entry),
  talkPlan(options.entry),
])
