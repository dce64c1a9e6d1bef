import { Title } from '@mantine/core'
import type { ScreenProps } from '../../app/screens'

export function HomeScreen(_props: ScreenProps): React.JSX.Element {
  return <Title order={2}>HomeScreen</Title>
}
