// next-auth v4 passes an error thrown in authorize() to the client only as a short code in the URL,
// so the server throws these codes and the login form turns them into sentences.
export const signInLockedCode = "SignInLocked";

export const signInLockedMessage = "Too many failed sign-ins. Wait a few minutes and try again.";

export function getSignInErrorMessage(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "Email or password is incorrect.";
  if (code === signInLockedCode) return signInLockedMessage;
  return "Sign-in failed. Try again.";
}
