// Who is signed in, and what they may do. The server answers GET /api/session with the
// user (or null) and the CSRF token; the app asks once on start and after sign-in.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { api, loadSession, setCsrfToken, setUnauthorizedHandler } from "../api/client.ts";

export type Scope = "province" | "units" | "self";

/** The signed-in user as GET /api/session describes them (src/server/auth/routes.ts, `Me`). */
export interface Me {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  role: string;
  roleLabel: string;
  provinceId: number;
  provinceName: string;
  unitIds: string[];
  /** Policy actions this user may perform, with their scope. */
  permissions: Record<string, Scope>;
}

interface SessionResponse {
  user: Me | null;
  csrfToken: string;
}

interface SessionValue {
  /** undefined while the first answer is awaited. */
  me: Me | null | undefined;
  /** Set when the session ended by itself (idle time-out), to tell the user why they see the sign-in page. */
  endedMessage: string | null;
  /** Whether the user may perform a policy action (e.g. "units.write"). */
  can(action: string): boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider(props: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [endedMessage, setEndedMessage] = useState<string | null>(null);
  const signedIn = useRef(false);
  signedIn.current = Boolean(me);

  const refresh = useCallback(async () => {
    try {
      const s = await loadSession<SessionResponse>();
      setMe(s.user);
    } catch {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (signedIn.current) {
        setEndedMessage("Phiên làm việc đã kết thúc (quá thời gian không thao tác hoặc đã đăng xuất ở nơi khác). Hãy đăng nhập lại.");
      }
      setMe(null);
      // A fresh anonymous CSRF token for the sign-in form.
      setCsrfToken(null);
      void loadSession().catch(() => {});
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.post<SessionResponse>("/api/auth/login", { username, password });
    setCsrfToken(s.csrfToken);
    setEndedMessage(null);
    setMe(s.user);
    return s.user!;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } finally {
      setCsrfToken(null);
      setMe(null);
      setEndedMessage(null);
      await refresh();
    }
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      endedMessage,
      can: (action) => Boolean(me?.permissions[action]),
      login,
      logout,
      refresh,
    }),
    [me, endedMessage, login, logout, refresh],
  );
  return <SessionContext value={value}>{props.children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for screens behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a signed-in user");
  return me;
}
