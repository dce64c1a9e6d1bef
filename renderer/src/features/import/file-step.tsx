import { useState } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { Dropzone } from '@mantine/dropzone'
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react'
import type { FileRef } from '../../../../shared/api/channels/common'
import { useApi } from '../../app/api'
import { ErrorAlert } from '../../components/error-alert'

const accept = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/json', 'application/x-ndjson', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel']

/**
 * Step 1: choose the file. In a browser the file is uploaded to the bridge (which keeps it in a private temp
 * folder and answers a ref); in the desktop app the native dialog or a drop on the window gives a ref.
 */
export function FileStep({ onChosen }: { onChosen(file: FileRef): void }): React.JSX.Element {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const upload = async (files: File[]): Promise<void> => {
    const f = files[0]
    if (!f) return
    setBusy(true)
    setError(undefined)
    try {
      // The bridge names its copy with a random prefix; the analyst knows the file by its own name.
      onChosen({ ...(await api.upload(f)), name: f.name })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const chooseNative = async (): Promise<void> => {
    const r = await api.invoke('files:choose', { purpose: 'import' })
    if (r.file) onChosen(r.file)
  }
  return (
    <Stack>
      <Dropzone
        onDrop={(f) => void upload(f)}
        onReject={() => setError(new Error('That file type is not supported: use CSV, TSV, XLSX, JSON or NDJSON.'))}
        loading={busy}
        multiple={false}
        accept={accept}
        activateOnClick={api.shell === 'bridge'}
        aria-label="Drop a file to import"
        data-testid="import-dropzone"
      >
        <Group justify="center" gap="xl" mih={180} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={48} stroke={1.4} />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={48} stroke={1.4} />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={48} stroke={1.4} />
          </Dropzone.Idle>
          <div>
            <Text size="lg" fw={600}>
              Drop an export here, or click to choose one
            </Text>
            <Text size="sm" c="dimmed" mt={6}>
              CSV, TSV, XLSX, JSON or NDJSON from Shopify, HubSpot, Salesforce, Mailchimp, Klaviyo, Stripe, Zendesk, WooCommerce, QuickBooks… or any other tool.
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              The file stays on this computer.
            </Text>
          </div>
        </Group>
      </Dropzone>
      {api.shell === 'electron' ? (
        <Group>
          <Button variant="default" onClick={() => void chooseNative()}>
            Choose file…
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} title="Could not use that file" />
    </Stack>
  )
}
