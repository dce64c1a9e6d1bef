import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { IconFileImport, IconHome, IconUserSearch, type Icon } from '@tabler/icons-react'
import { IconFileExport, IconFilter, IconGitMerge, IconSettings } from '@tabler/icons-react'

/** What every screen component receives: the optional route parameter (`#/screen/param`). */
export interface ScreenProps {
  param?: string
}

/**
 * One screen of the app. The navigation and the router read `screens`: a feature adds its screen with one
 * line in the list below (order = order in the navigation). `hidden` screens are routable but not listed
 * (e.g. profile detail, reached from the profiles table). `shortcut` is a single key used with Alt
 * (Alt+1 … Alt+9 style), shown in the navigation's tooltip.
 */
export interface ScreenDef {
  id: string
  label: string
  icon?: Icon
  component: ComponentType<ScreenProps> | LazyExoticComponent<ComponentType<ScreenProps>>
  shortcut?: string
  hidden?: boolean
}

/**
 * Lazy-loads a screen from a module's named export (the house style has no default exports; React.lazy
 * wants one). Each screen becomes its own chunk, so the first paint stays small.
 */
export function lazyScreen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType<ScreenProps>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<ScreenProps> }))
}

export const screens: ScreenDef[] = [
  { id: 'home', label: 'Home', icon: IconHome, shortcut: '1', component: lazyScreen(() => import('../features/home/home-screen'), 'HomeScreen') },
  { id: 'import', label: 'Import', icon: IconFileImport, shortcut: '2', component: lazyScreen(() => import('../features/import/import-screen'), 'ImportScreen') },
  { id: 'profiles', label: 'Profiles', icon: IconUserSearch, shortcut: '3', component: lazyScreen(() => import('../features/profiles/profiles-screen'), 'ProfilesScreen') },
  { id: 'profile', label: 'Profile', hidden: true, component: lazyScreen(() => import('../features/profiles/profile-screen'), 'ProfileScreen') },
  { id: 'review', label: 'Review', icon: IconGitMerge, shortcut: '4', component: lazyScreen(() => import('../features/review/review-screen'), 'ReviewScreen') },
  { id: 'segments', label: 'Segments', icon: IconFilter, shortcut: '5', component: lazyScreen(() => import('../features/segments/segments-screen'), 'SegmentsScreen') },
  { id: 'exports', label: 'Exports', icon: IconFileExport, shortcut: '6', component: lazyScreen(() => import('../features/exports/exports-screen'), 'ExportsScreen') },
  { id: 'settings', label: 'Settings', icon: IconSettings, shortcut: '9', component: lazyScreen(() => import('../features/settings/settings-screen'), 'SettingsScreen') },
]

/** The screen for an id; unknown ids fall back to Home (an old bookmark must not show a blank page). */
export function screenFor(id: string): ScreenDef {
  return screens.find((s) => s.id === id) ?? (screens[0] as ScreenDef)
}
