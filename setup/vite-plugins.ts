import { defineVitePluginsSetup } from '@slidev/types'
import { talkPlan } from './talk-plan.ts'

// Slidev calls this with its resolved options, so the plan follows the entry being served or
// built (slides.md or slides-10min.md); vite.config.ts does not know the entry.
export default defineVitePluginsSetup(options => [talkPlan(options.entry)])
