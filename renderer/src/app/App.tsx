/** The app shell. Screens arrive with the workspace UI; until then it says what it is. */
export function App(): React.JSX.Element {
  return (
    <main>
      <h1>Tessera</h1>
      <p>Your customer data, unified on this computer.</p>
    </main>
  )
}
