import { checkInCode } from '../../domain/roster';
// The routes' QR drawing (SVG from the module matrix, prints sharp, works offline), reused; it
// reaches this feature through the routes' index once that exports it (see the report to the lead).
import { QrCode } from '../routes';

/** A person's check-in code as a QR code: `muster:p:<personId>` (domain/roster.ts), nothing else. */
export function CheckInQr({ personId, label, size }: { personId: string; label: string; size: number }) {
  return <QrCode text={checkInCode(personId)} size={size} label={label} />;
}
