import '@mantine/core/styles.css'
import '@mantine/dropzone/styles.css'
import '@mantine/dates/styles.css'
import { Center, Loader, MantineProvider } from '@mantine/core'
import { UnlockScreen } from '../features/unlock/unlock-screen'
import { AppLayout } from './app-layout'
import { useSessionSync } from './session-sync'
import { useAppStore } from './store'
import { theme } from './theme'

/** The app: theme (follows the OS), then unlock until a workspace is open, then the shell. */
export function App(): React.JSX.Element {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Root />
    </MantineProvider>
  )
}

function Root(): React.JSX.Element {
  useSessionSync()
  const state = useAppStore((s) => s.status?.state)
  if (state === undefined)
    return (
      <Center h="100vh">
        <Loader aria-label="Starting Tessera" />
      </Center>
    )
  return state === 'open' ? <AppLayout /> : <UnlockScreen />
}
