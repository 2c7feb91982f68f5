// Names on screen for the audit trail's object types and actions. Actions are written
// "<object>.<verb>" by the server; a verb not listed here is shown as written.
import { isTransitionAction, REQUEST_KINDS, REQUEST_LABELS, TRANSITIONS } from "../../../domain/directives.ts";

export const OBJECT_LABELS: Record<string, string> = {
  unit: "Đơn vị",
  user: "Người dùng",
  session: "Phiên đăng nhập",
  paper: "Văn bản",
  directive: "Nhiệm vụ",
  directive_report: "Báo cáo tiến độ",
  directive_urging: "Văn bản đôn đốc",
  resolution: "Nghị quyết, chương trình",
  target: "Chỉ tiêu",
  target_value: "Số liệu chỉ tiêu",
  target_explanation: "Yêu cầu giải trình",
  report: "Báo cáo soạn tự động",
  job: "Công việc nền",
};

/** The filter choices: every action on one kind of object. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: "auth.", label: "Đăng nhập, đăng xuất" },
  { value: "account.", label: "Tài khoản của tôi" },
  { value: "user.", label: "Người dùng" },
  { value: "unit.", label: "Cơ cấu tổ chức" },
  { value: "paper.", label: "Văn bản" },
  { value: "directive.", label: "Nhiệm vụ" },
  { value: "resolution.", label: "Nghị quyết, chương trình" },
  { value: "target.", label: "Chỉ tiêu" },
  { value: "target_value.", label: "Số liệu chỉ tiêu" },
  { value: "target_explanation.", label: "Giải trình chỉ tiêu" },
  { value: "report.", label: "Báo cáo" },
];

const VERBS: Record<string, string> = {
  create: "tạo mới",
  update: "sửa",
  correct: "sửa lỗi giai đoạn",
  import: "nhập từ tệp",
  rename: "đổi tên",
  move: "chuyển trực thuộc",
  edit: "sửa thông tin",
  abolish: "giải thể",
  merge: "hợp nhất",
  split: "chia tách",
  login: "đăng nhập",
  logout: "đăng xuất",
  password_changed: "đổi mật khẩu",
  password_reset: "đặt lại mật khẩu",
  unlock: "mở khóa",
  upload: "tải lên",
  register: "đăng ký văn bản mật",
  register_demo: "nạp văn bản trình diễn",
  review: "rà soát",
  confirm: "xác nhận",
  amend: "sửa thông tin sau xác nhận",
  classify: "chuyển thành văn bản mật",
  archive: "lưu trữ",
  restore: "khôi phục",
  assign: "giao",
  start: "bắt đầu thực hiện",
  report: "báo cáo tiến độ",
  report_edit: "sửa báo cáo tiến độ",
  urge: "đôn đốc",
  remind: "nhắc hạn",
  delegate: "giao lại cho cấp dưới",
  submit: "gửi duyệt",
  approve: "duyệt",
  return: "trả lại",
  from_fact: "lấy từ văn bản",
  request: "yêu cầu",
  answer: "trả lời",
  close: "kết thúc",
  generate: "soạn",
};

const ACTION_OBJECT: Record<string, string> = {
  auth: "Phiên đăng nhập",
  account: "Tài khoản",
};

/** "directive.urge" → "Nhiệm vụ: đôn đốc". */
export function actionLabel(action: string): string {
  const dot = action.indexOf(".");
  if (dot < 0) return action;
  const object = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  const objectLabel = ACTION_OBJECT[object] ?? OBJECT_LABELS[object] ?? object;
  if (object === "directive") {
    if (isTransitionAction(verb)) return `${objectLabel}: ${TRANSITIONS[verb].label.toLocaleLowerCase("vi")}`;
    const request = /^(request|decide|recall)_(.+)$/.exec(verb);
    const kind = REQUEST_KINDS.find((k) => k === request?.[2]);
    if (request && kind) {
      const what = REQUEST_LABELS[kind].toLocaleLowerCase("vi");
      return `${objectLabel}: ${request[1] === "request" ? what : request[1] === "decide" ? `quyết định về ${what}` : `rút lại ${what}`}`;
    }
  }
  return `${objectLabel}: ${VERBS[verb] ?? verb.replaceAll("_", " ").replaceAll(".", " ")}`;
}

const FIELD_LABELS: Record<string, string> = {
  name: "Tên",
  fullName: "Họ và tên",
  shortName: "Tên viết tắt",
  aliases: "Tên gọi khác",
  code: "Mã",
  kind: "Loại",
  parentId: "Đơn vị cấp trên",
  unitId: "Đơn vị",
  unitIds: "Đơn vị",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  effective: "Ngày có hiệu lực",
  version: "Phiên bản dữ liệu",
  status: "Trạng thái",
  role: "Vai trò",
  username: "Tên đăng nhập",
  email: "Thư điện tử",
  disabled: "Đã khóa tài khoản",
  note: "Ghi chú",
  reason: "Lý do",
  content: "Nội dung",
  deadline: "Thời hạn",
  dueOn: "Hạn",
  leadUnitId: "Đơn vị chủ trì",
  partnerUnitIds: "Đơn vị phối hợp",
  progress: "Tiến độ (%)",
  value: "Giá trị",
  period: "Kỳ",
  basis: "Loại số liệu",
  title: "Trích yếu",
  symbol: "Số, ký hiệu",
};

/** A field of the before/after record, named for people; unknown fields as written. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** The fields whose value differs between before and after (all fields of a creation). */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
