// Fonts are bundled from @fontsource so that nothing is fetched from a font CDN (headmatter sets
// `fonts.provider: none`). Only the weights the deck uses are imported.
import '@fontsource/ibm-plex-sans/400.css'
import '@fontsource/ibm-plex-sans/400-italic.css'
import '@fontsource/ibm-plex-sans/600.css'
import '@fontsource/ibm-plex-sans/700.css'
import '@fontsource/ibm-plex-mono/400.css'
import '@fontsource/ibm-plex-mono/600.css'
import './deck.css'
