// Placeholder screen until its area is built.
export default function SupervisorApp() {
  return <main className="page" />;
}
