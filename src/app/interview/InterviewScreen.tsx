// Placeholder screen until its area is built.
export default function InterviewScreen(_props: { draftId: string }) {
  return <main className="page" />;
}
