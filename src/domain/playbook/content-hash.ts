import { canonicalJson } from '../canonical-json';
import { sha256Hex } from '../report/sha256';

/**
 * The content hash of a playbook: SHA-256 of its canonical JSON. The server stores it with each
 * published version, an incident records the hash of the playbook it ran on, and the report
 * shows it, so an investigation can tell exactly which text the responders followed. Key
 * order and spacing do not change it; any changed word does. Pure; the same on every device.
 */
export function playbookContentHash(playbook: unknown): string {
  return sha256Hex(canonicalJson(playbook));
}
