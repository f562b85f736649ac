/** An email or phone number kept on one line (never broken mid-string); the title holds it whole where "…" cuts it. */
export function ContactValue({ value, className }: { value: string; className?: string }) {
  return (
    <span className={className ? `contact-value ${className}` : "contact-value"} title={value}>
      {value}
    </span>
  );
}
