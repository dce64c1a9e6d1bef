import { createTheme, type MantineColorsTuple } from '@mantine/core'

// A calm teal-blue: reads as "data tool", keeps contrast in both schemes.
const tessera: MantineColorsTuple = ['#e6f6fb', '#d3e9f2', '#a7d1e3', '#77b8d4', '#50a3c7', '#3796bf', '#278fbc', '#137ca6', '#006e95', '#005f84']

/** The one Mantine theme. The colour scheme follows the OS (`defaultColorScheme="auto"` in app.tsx). */
export const theme = createTheme({
  primaryColor: 'tessera',
  colors: { tessera },
  defaultRadius: 'sm',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", Menlo, Consolas, monospace',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm' } },
  },
})
