// Placeholder screen until its area is built.
export default function AttentionScreen() {
  return <main className="page" />;
}
