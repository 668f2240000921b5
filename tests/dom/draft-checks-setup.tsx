// A screen tested alone is rendered without the frame, which is what loads the draft checks in the
// product (screens/frame/AppFrame.tsx imports draft-refusal.ts); the test loads them as the frame would.
import '../../src-renderer/src/draft-refusal';
// ... and the English of the screens behind sign-in, which the frame's chunk adds (i18n/screens.ts).
import '../../src-renderer/src/i18n/screens';
