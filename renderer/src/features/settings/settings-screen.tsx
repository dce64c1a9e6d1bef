import { Stack, Title, SimpleGrid } from '@mantine/core'
import type { ScreenProps } from '../../app/screens'
import { AuditLog } from './audit-log'
import { BackupCard } from './backup-card'
import { CountryCard } from './country-card'
import { AutoLockCard, PassphraseCard } from './security-cards'
import { SurvivorshipCard } from './survivorship-card'
import { ThresholdsCard } from './thresholds-card'

/** Settings: match thresholds, default country, survivorship rules, security (passphrase, auto-lock), backup, and the audit log with chain verification. */
export function SettingsScreen(_props: ScreenProps): React.JSX.Element {
  return (
    <Stack gap="md">
      <Title order={2}>Settings</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <ThresholdsCard />
        <PassphraseCard />
        <AutoLockCard />
        <BackupCard />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 4 }} spacing="sm">
        <div style={{ gridColumn: 'span 3' }}><SurvivorshipCard /></div>
        <CountryCard />
      </SimpleGrid>
      <AuditLog />
    </Stack>
  )
}
