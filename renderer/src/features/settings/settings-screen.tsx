import { Stack, Title, SimpleGrid } from '@mantine/core'
import type { ScreenProps } from '../../app/screens'
import { AuditLog } from './audit-log'
import { BackupCard } from './backup-card'
import { AutoLockCard, PassphraseCard } from './security-cards'
import { ThresholdsCard } from './thresholds-card'

/** Settings: match thresholds, security (passphrase, auto-lock), backup, and the audit log with chain verification. */
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
      <AuditLog />
    </Stack>
  )
}
