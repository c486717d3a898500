// Placeholder screen until its area is built.
export default function KioskScreen() {
  return <main className="page" />;
}
