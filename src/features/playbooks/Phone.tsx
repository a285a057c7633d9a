import { telHref } from '../../domain/phone';

/** A phone number as a big tap-to-call link. */
export function PhoneLink({ number, label }: { number: string; label?: string }) {
  return (
    <a className="phone-link" href={telHref(number)}>
      {label ? <span className="phone-label">{label}</span> : null}
      <span className="phone-number">{number}</span>
    </a>
  );
}
