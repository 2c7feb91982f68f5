/** Addresses of the screens that are not sections (sections carry their own in sections.ts). */
export const LOGIN_PATH = "/dang-nhap";
export const HOME_PATH = "/";
export const ACCOUNT_PATH = "/tai-khoan";
