import { Component, type ReactNode } from 'react'
import { Alert, Button, Code, Stack } from '@mantine/core'

interface State {
  error: Error | undefined
}

/** Catches a screen's render error so one broken screen never blanks the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Alert color="red" title="This screen hit a problem" role="alert">
        <Stack gap="xs" align="flex-start">
          <Code block>{error.message}</Code>
          <Button size="xs" variant="light" onClick={() => this.setState({ error: undefined })}>
            Try again
          </Button>
        </Stack>
      </Alert>
    )
  }
}
