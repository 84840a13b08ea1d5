import type { MermaidConfig } from 'mermaid'
import { defineMermaidSetup } from '@slidev/types'

/**
 * The deck's diagram theme, one palette per colour scheme. Mermaid derives its colours in
 * JavaScript, so CSS variables cannot reach inside a diagram: each scheme gets its own values.
 */
const palettes = {
  light: {
    background: '#ffffff',
    primaryColor: '#dbeafe',
    primaryTextColor: '#0f172a',
    primaryBorderColor: '#1d4ed8',
    secondaryColor: '#fef3c7',
    secondaryTextColor: '#0f172a',
    secondaryBorderColor: '#b45309',
    tertiaryColor: '#f1f5f9',
    tertiaryTextColor: '#0f172a',
    tertiaryBorderColor: '#64748b',
    lineColor: '#334155',
    textColor: '#0f172a',
    noteBkgColor: '#fef9c3',
    noteTextColor: '#0f172a',
    noteBorderColor: '#a16207',
    clusterBkg: '#f8fafc',
    clusterBorder: '#94a3b8',
    edgeLabelBackground: '#ffffff',
  },
  dark: {
    background: '#0f172a',
    primaryColor: '#1e3a8a',
    primaryTextColor: '#f8fafc',
    primaryBorderColor: '#93c5fd',
    secondaryColor: '#78350f',
    secondaryTextColor: '#fffbeb',
    secondaryBorderColor: '#fbbf24',
    tertiaryColor: '#1e293b',
    tertiaryTextColor: '#f1f5f9',
    tertiaryBorderColor: '#94a3b8',
    lineColor: '#cbd5e1',
    textColor: '#f1f5f9',
    noteBkgColor: '#422006',
    noteTextColor: '#fef9c3',
    noteBorderColor: '#facc15',
    clusterBkg: '#111827',
    clusterBorder: '#64748b',
    edgeLabelBackground: '#0f172a',
  },
} as const

/**
 * Section colours (timeline, mindmap, journey, gitGraph branches): mid-tones, so that the fills
 * and the mindmap's coloured edges stand out from the page in each scheme, with labels at
 * WCAG AA contrast on their fill.
 */
const sectionFills = {
  light: ['#bfdbfe', '#fde68a', '#bbf7d0', '#fbcfe8', '#c7d2fe', '#fed7aa', '#99f6e4', '#e9d5ff', '#fecaca', '#d9f99d', '#bae6fd', '#e2e8f0'],
  dark: ['#1d4ed8', '#b45309', '#15803d', '#be185d', '#4338ca', '#c2410c', '#0f766e', '#7e22ce', '#b91c1c', '#4d7c0f', '#0369a1', '#475569'],
} as const
const sectionLabel = { light: '#0f172a', dark: '#ffffff' } as const

function sectionVariables(scheme: ColorScheme): Record<string, string> {
  const vars: Record<string, string> = {
    commitLabelColor: palettes[scheme].textColor,
    commitLabelBackground: palettes[scheme].tertiaryColor,
  }
  sectionFills[scheme].forEach((fill, i) => {
    vars[`cScale${i}`] = fill
    vars[`cScaleLabel${i}`] = sectionLabel[scheme]
    if (i < 8) {
      vars[`git${i}`] = fill
      vars[`gitBranchLabel${i}`] = sectionLabel[scheme]
    }
  })
  return vars
}

export type ColorScheme = keyof typeof palettes

export function deckMermaidConfig(scheme: ColorScheme): MermaidConfig {
  return {
    startOnLoad: false,
    theme: 'base',
    // Mermaid 12 defaults to ELK; dagre draws these small flowcharts as clearly and lets the build
    // leave ELK's 0.5 MB (gzip) out (setup/mermaid-elk.ts).
    layout: 'dagre',
    handDrawnSeed: 1, deterministicIds: true, deterministicIDSeed: 'deck', // reproducible exports (rough shapes, element ids)
    darkMode: scheme === 'dark',
    fontFamily: '"IBM Plex Sans", sans-serif',
    themeVariables: {
      ...palettes[scheme],
      ...sectionVariables(scheme),
      darkMode: scheme === 'dark',
      fontFamily: '"IBM Plex Sans", sans-serif',
      fontSize: '18px',
    },
    flowchart: { curve: 'basis', htmlLabels: true, padding: 12 },
    sequence: { mirrorActors: false, showSequenceNumbers: false },
    gitGraph: { showCommitLabel: true, mainBranchName: 'linux' },
  }
}

// Slidev's default path: light theme. The renderer in ./mermaid-renderer.ts switches palettes
// with the deck's dark mode.
export default defineMermaidSetup(() => deckMermaidConfig('light'))
