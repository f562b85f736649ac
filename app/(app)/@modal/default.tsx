// The modal slot is empty on every page that is not an intercepted call (Next 16 needs this file).
export default function ModalDefault() {
  return null;
}
