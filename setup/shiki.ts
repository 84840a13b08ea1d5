import { defineShikiSetup } from '@slidev/types'

// GitHub's "default" themes keep every token at WCAG AA contrast on Slidev's code background;
// the stock vitesse themes fail it for comments and identifiers (caught by `npm run check`).
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-default',
    dark: 'github-dark-default',
  },
}))
