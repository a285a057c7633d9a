// The handover screens (the shell loads them as one chunk) and what the incident page says of an event received by hand.
export { ShareHandover } from './ShareHandover';
export { ReceiveHandover } from './ReceiveHandover';
export { messages as handoverMessages } from './messages';
