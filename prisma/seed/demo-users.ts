// The demo accounts, one per role plus a few extra staff. Kept free of database imports so
// scripts/start-demo.sh and the README can print the table cheaply.
//
// Demo convenience, deliberately: every account shares the password below and is created with
// mustChangePassword = false so a visitor can log straight in. A production installation
// creates its users through 系统管理 → 用户管理, where the first login forces a change.
import type { Role } from "../../server/auth/roles";
import zhCN from "../../server/i18n/messages/zh-CN.json" with { type: "json" };

export const DEMO_PASSWORD = "Demo@2026";

export type DemoUser = {
  loginName: string;
  displayName: string;
  roles: readonly Role[];
  departmentCode: string;
  phone: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { loginName: "staff", displayName: "王丽娜", roles: ["staff"], departmentCode: "KFB", phone: "13802461357" },
  { loginName: "archivist", displayName: "陈静", roles: ["archivist"], departmentCode: "KFB", phone: "13922785046" },
  { loginName: "supervisor", displayName: "李志强", roles: ["supervisor"], departmentCode: "KFB", phone: "13609713320" },
  { loginName: "manager", displayName: "赵建国", roles: ["manager"], departmentCode: "KFB", phone: "13501284467" },
  { loginName: "admin", displayName: "孙浩", roles: ["admin"], departmentCode: "XXB", phone: "18620357741" },
  { loginName: "auditor", displayName: "周敏", roles: ["auditor"], departmentCode: "NKB", phone: "13711406829" },
  { loginName: "staff2", displayName: "刘洋", roles: ["staff"], departmentCode: "KFB", phone: "15913368024" },
  // A secretary who also keeps the archive room: shows one person holding two roles.
  { loginName: "liu.fang", displayName: "刘芳", roles: ["staff", "archivist"], departmentCode: "KFB", phone: "18929051376" },
  { loginName: "huang.wei", displayName: "黄伟", roles: ["staff"], departmentCode: "KFB", phone: "13428867195" },
  // borrowing: a second manager (副总经理), so a 机密 loan can get its second approval from someone
  // other than the first approver.
  { loginName: "wu.gang", displayName: "吴刚", roles: ["manager"], departmentCode: "HJGZ", phone: "13650287713" },
  // complaints: the repair-cost approvers of 003, named in 投诉设置 (工程部经理 ≤ 5000 元, 总经理 above).
  { loginName: "gcb.manager", displayName: "吴振华", roles: ["manager"], departmentCode: "GCB", phone: "13632478810" },
  { loginName: "gm", displayName: "郑国栋", roles: ["manager"], departmentCode: "HJGZ", phone: "13800266519" },
];

export function roleLabel(role: Role): string {
  return zhCN.roles[role];
}

/** One line per demo login, as printed by the demo banner. */
export function demoLoginRows(): { login: string; roles: string; name: string; password: string }[] {
  return DEMO_USERS.map((u) => ({
    login: u.loginName,
    roles: u.roles.map(roleLabel).join(" + "),
    name: u.displayName,
    password: DEMO_PASSWORD,
  }));
}

/** The demo login table as plain text (CJK characters count as two columns). */
export function formatDemoLogins(): string {
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
  const header = { login: "登录名 login", roles: "角色 role", name: "姓名", password: "密码 password" };
  const rows = [header, ...demoLoginRows()];
  const cols = (["login", "roles", "name", "password"] as const).map((k) => Math.max(...rows.map((r) => width(r[k]))));
  return rows
    .map((r) => (["login", "roles", "name", "password"] as const).map((k, i) => pad(r[k], cols[i]!)).join("  ").trimEnd())
    .join("\n");
}
