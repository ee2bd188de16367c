// Signing in through next-auth's real credentials flow, as a browser does: GET the CSRF token
// (and its cookie), POST the login form to the credentials callback, keep the session cookie.
type Jar = Map<string, string>;

function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
  }
}
const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** The Cookie header of a signed-in session; throws when the sign-in is refused. */
export async function signIn(base: string, loginName: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  keep(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ csrfToken, loginName, password, callbackUrl: `${base}/` }),
    signal: AbortSignal.timeout(60_000),
  });
  keep(jar, res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${loginName} refused (HTTP ${res.status}): ${(await res.text()).slice(0, 200)}`);
  const cookie = header(jar);
  // A page that needs a session must render, not redirect to /login.
  const check = await fetch(`${base}/forbidden`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(120_000) });
  if (check.status >= 300) throw new Error(`signed in as ${loginName} but /forbidden answered ${check.status}`);
  return cookie;
}
