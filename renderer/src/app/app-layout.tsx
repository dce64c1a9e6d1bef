import { Suspense, useEffect } from 'react'
import { ActionIcon, AppShell, Group, Kbd, Loader, NavLink, ScrollArea, Stack, Text, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconLock, IconMoon, IconSun } from '@tabler/icons-react'
import { JobsIndicator, JobsPanel } from '../features/jobs/jobs-panel'
import { ErrorBoundary } from '../components/error-boundary'
import { useApi } from './api'
import { useJobsSync } from './jobs-sync'
import { screenFor, screens } from './screens'
import { routeFromHash, useAppStore } from './store'

/** The unlocked app: left navigation from the screen registry, a header with jobs and lock, the routed screen. */
export function AppLayout(): React.JSX.Element {
  useJobsSync(true)
  const route = useAppStore((s) => s.route)
  const navigate = useAppStore((s) => s.navigate)
  useShellEvents()
  useEffect(() => {
    const onPop = (): void => useAppStore.setState({ route: routeFromHash(window.location.hash) })
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  useHotkeys(screens.filter((s) => s.shortcut && !s.hidden).map((s) => [`alt+${s.shortcut}`, () => navigate({ screen: s.id })]))
  const screen = screenFor(route.screen)
  const Screen = screen.component
  // Detail screens highlight their parent in the navigation (profile → profiles).
  const activeNav = screen.hidden ? `${screen.id}s` : screen.id
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 216, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {screens
              .filter((s) => !s.hidden)
              .map((s) => (
                <NavLink
                  key={s.id}
                  href={`#/${s.id}`}
                  label={s.label}
                  active={activeNav === s.id}
                  leftSection={s.icon ? <s.icon size={18} stroke={1.6} /> : null}
                  rightSection={s.shortcut ? <Kbd size="xs">Alt {s.shortcut}</Kbd> : null}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate({ screen: s.id })
                  }}
                  style={{ borderRadius: 6 }}
                />
              ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py={6}>
            Everything stays on this computer.
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary key={`${route.screen}/${route.param ?? ''}`}>
          <Suspense fallback={<Loader size="sm" aria-label="Loading screen" />}>
            <Screen {...(route.param ? { param: route.param } : {})} />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
      <JobsPanel />
    </AppShell>
  )
}

/**
 * Events from the desktop shell: files dropped on the window open the import wizard with that file; native
 * menu commands navigate or lock. (The browser bridge never sends these.)
 */
function useShellEvents(): void {
  const api = useApi()
  useEffect(() => {
    const offFiles = api.on('files:opened', ({ intent, files }) => {
      const first = files[0]
      if (intent !== 'import' || !first) return
      useAppStore.getState().setPendingImport(first)
      useAppStore.getState().navigate({ screen: 'import' })
    })
    const offMenu = api.on('menu:command', ({ command }) => {
      const { navigate } = useAppStore.getState()
      if (command === 'import') navigate({ screen: 'import' })
      else if (command === 'export') navigate({ screen: 'exports' })
      else if (command === 'settings' || command === 'backup') navigate({ screen: 'settings' })
      // New/open workspace: lock this one; the unlock screen offers create and open.
      else if (command === 'lock' || command === 'new-workspace' || command === 'open-workspace')
        void api.invoke('workspace:lock', {}).then((s) => useAppStore.getState().setStatus(s))
    })
    return () => {
      offFiles()
      offMenu()
    }
  }, [api])
}

function Header(): React.JSX.Element {
  const api = useApi()
  const name = useAppStore((s) => s.status?.file?.name)
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light')
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Logo />
        <Text fw={700} size="lg">
          Tessera
        </Text>
        {name ? (
          <Text size="sm" c="dimmed" truncate maw={320} title={name}>
            {name}
          </Text>
        ) : null}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <JobsIndicator />
        <Tooltip label={scheme === 'dark' ? 'Light theme' : 'Dark theme'}>
          <ActionIcon variant="subtle" size="lg" aria-label="Toggle colour theme" onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
            {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Lock the workspace">
          <ActionIcon variant="subtle" size="lg" aria-label="Lock the workspace" onClick={() => void api.invoke('workspace:lock', {}).then((s) => useAppStore.getState().setStatus(s))}>
            <IconLock size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  )
}

/** The mark: four tiles, one highlighted (many records, one person). */
export function Logo({ size = 26 }: { size?: number }): React.JSX.Element {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="2" y="2" width="9" height="9" rx="2" fill="var(--mantine-color-tessera-6)" />
      <rect x="13" y="2" width="9" height="9" rx="2" fill="var(--mantine-color-tessera-3)" />
      <rect x="2" y="13" width="9" height="9" rx="2" fill="var(--mantine-color-tessera-3)" />
      <rect x="13" y="13" width="9" height="9" rx="2" fill="var(--mantine-color-tessera-8)" />
    </svg>
  )
}
