// The close codes moved to the admission pipeline; this name stays for existing imports.
export { WsCloseCode } from '../admission/ws-close-code';
