import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

/** An API error, shown inline where it happened (never a full-screen block). */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }): React.JSX.Element | null {
  if (!error) return null
  const message = error instanceof Error ? error.message : String(error)
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
    </Alert>
  )
}
